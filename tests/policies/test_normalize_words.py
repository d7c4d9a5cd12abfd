"""The word table's lists that other files are generated from agree with what the word table reads."""
from policies import normalize as nz


def test_every_employer_lookup_word_is_read_as_an_employer_type():
    # the NLU's employer_type lookup (data/nlu/generated.yml) is written from these: each must mean a kind of unit
    for word in nz.EMPLOYER_LOOKUP_WORDS:
        assert nz.employer_type(word) not in (None, "企业"), word
