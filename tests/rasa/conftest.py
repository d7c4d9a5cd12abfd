import pytest

from scripts.servers import Servers


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    s = Servers(tmp_path_factory.mktemp("rasa")).start()
    yield s
    s.stop()
