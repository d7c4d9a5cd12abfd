"""热线坐席台 (hotline operator console): a Rasa custom input channel serving a page and a small JSON API.

Registered in credentials.yml as ``bot.console.channel.ConsoleInput: {}``; served by the same Rasa server at
http://localhost:5005/console/ . See docs/console.md.

    auth.py     token login, signed HttpOnly SameSite cookie, CSRF header token
    store.py    our own tables (handover flags, answer feedback) in the tracker store's database; recent conversations
    view.py     slots → the structured panel, answer cards and checklist (plain Python, uses the policy module)
    ledger.py   hook to the ledger package (ledger/) for the batch upload form
    channel.py  the input channel: sessions, the API and page decorators, one call's data
    web.py      limits, headers, request checks shared by the routes
    routes_pages.py, routes_calls.py, routes_feedback.py, routes_batch.py   the routes, by concern
"""
