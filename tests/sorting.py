"""The one check of a sortable list: ``?sort=field`` and ``?sort=-field`` put two rows in opposite
orders, the header says which (aria-sort), and an unknown sort keeps the page (200).

    from tests.sorting import assert_sorts

    assert_sorts(client, url, "received", "REF-OLD", "REF-NEW")  # ascending: REF-OLD first
"""


def _order(client, url, sort, first, second):
    joiner = "&" if "?" in url else "?"
    response = client.get(f"{url}{joiner}sort={sort}")
    assert response.status_code == 200, (sort, response.status_code)
    html = response.content.decode()
    assert first in html and second in html, (sort, first, second)
    assert html.index(first) < html.index(second), f"?sort={sort}: {first!r} should come before {second!r}"
    return html


def assert_sorts(client, url, field, first, second):
    """``first`` comes before ``second`` sorted by ``field``, after it sorted by ``-field``."""
    html = _order(client, url, field, first, second)
    assert 'aria-sort="ascending"' in html, field
    html = _order(client, url, f"-{field}", second, first)
    assert 'aria-sort="descending"' in html, field
    joiner = "&" if "?" in url else "?"
    for unknown in ("nonsense", "-nonsense", "id;drop", "--" + field):
        response = client.get(f"{url}{joiner}sort={unknown}")
        assert response.status_code == 200, (unknown, response.status_code)
        assert 'aria-sort="ascending"' not in response.content.decode()
