"""Every dead-letter reason normalize_message can give, with errors a feeder can act on."""

import pickle
from datetime import UTC, datetime

import orjson
import pytest

from streams.normalize import Rejected, normalize_message

NOW = datetime(2025, 6, 4, 12, 0, tzinfo=UTC)


def reject(value: bytes | None, **kwargs) -> Rejected:
    with pytest.raises(Rejected) as info:
        normalize_message(value, received_at=NOW, **kwargs)
    return info.value


@pytest.mark.parametrize("value", [None, b"", b"   \n\t  ", b"\xef\xbb\xbf  \r\n"])
def test_nothing_to_read_is_empty(value):
    rejected = reject(value)
    assert rejected.reason == "empty"
    assert rejected.error.endswith(".")


def test_oversized_is_checked_before_decoding():
    # Invalid UTF-8 *and* too large: the size wins, so a huge message is never decoded.
    rejected = reject(b"\xff" * 2_000, max_bytes=1_000)
    assert rejected.reason == "oversized"
    assert "2,000 bytes" in rejected.error
    assert "1,000-byte limit" in rejected.error


def test_exactly_max_bytes_is_accepted():
    value = b"A" + b"b" * 98 + b"."
    assert normalize_message(value, received_at=NOW, max_bytes=100).body == value.decode()


def test_invalid_utf8_names_the_byte_offset():
    value = "Caf\u00e9 talks".encode("latin-1")  # é as a lone 0xE9 byte at offset 3
    rejected = reject(value)
    assert rejected.reason == "invalid_utf8"
    assert "byte offset 3" in rejected.error
    assert "e9" in rejected.error


def test_broken_json_names_line_and_column():
    rejected = reject(b'{"body": "text",\n  "headline": }')
    assert rejected.reason == "invalid_json"
    assert "line 2" in rejected.error
    assert "column 15" in rejected.error


def test_unterminated_array_is_invalid_json():
    assert reject(b"  [1, 2").reason == "invalid_json"


@pytest.mark.parametrize("value", [b"[]", b'[{"body": "x"}]'])
def test_json_array_is_unknown_shape(value):
    rejected = reject(value)
    assert rejected.reason == "unknown_shape"
    assert "array" in rejected.error


def test_object_of_another_shape_lists_its_keys():
    rejected = reject(orjson.dumps({"title": "T", "content": "C", "author": "A"}))
    assert rejected.reason == "unknown_shape"
    assert "'title', 'content', 'author'" in rejected.error
    assert '"body"' in rejected.error  # says what would be accepted


def test_object_with_many_keys_is_summarized():
    rejected = reject(orjson.dumps({f"k{i}": i for i in range(30)}))
    assert rejected.reason == "unknown_shape"
    assert "and 18 more" in rejected.error


def test_xml_document_is_unknown_shape():
    rejected = reject(b'<?xml version="1.0"?><nitf><body>Text</body></nitf>')
    assert rejected.reason == "unknown_shape"
    assert "XML" in rejected.error


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ({"body": 42}, "body"),
        ({"body": None}, "body"),
        ({"body": ["a"]}, "body"),
        ({"body": "Text.", "published_at": "4th of June"}, "published_at"),
        ({"body": "Text.", "published_at": 1717490000}, "published_at"),
        ({"body": "Text.", "headline": {"value": "H"}}, "headline"),
        ({"body": "Text.", "version": "v2"}, "version"),
        ({"body": "Text.", "version": -1}, "version"),
        ({"body": "Text.", "version": True}, "version"),
        ({"uri": "u", "body_text": "Text.", "versioncreated": "yesterday"}, "versioncreated"),
        ({"uri": "u", "body_text": 7}, "body_text"),
        ({"uri": "u", "bodies": "Text."}, "bodies"),
        ({"uri": "u", "bodies": [{"value": 3}]}, "bodies[0].value"),
        ({"uri": "u", "body_text": "Text.", "pubstatus": 1}, "pubstatus"),
    ],
)
def test_bad_field_of_a_known_shape_is_invalid_field(document, field):
    rejected = reject(orjson.dumps(document))
    assert rejected.reason == "invalid_field"
    assert f"'{field}'" in rejected.error


@pytest.mark.parametrize(
    "document",
    [
        {"body": ""},
        {"body": "   \n\u200b\u00ad  "},
        {"body": "<p> </p><script>var x = 1;</script>"},
        {"uri": "urn:x", "body_html": "<div><br/></div>"},
        {"uri": "urn:x", "headline": "  \u200b ", "body_html": "<p></p>"},
        {"headline": "<b></b>"},
        {"headline": None, "caption": "   "},
        {"body": "KYIV, June 3 (Reuters) -"},
    ],
)
def test_body_empty_after_cleaning_is_empty(document):
    rejected = reject(orjson.dumps(document))
    assert rejected.reason == "empty"


def test_text_that_cleans_to_nothing_is_empty():
    assert reject("\u200b\u200b\x00\x07".encode()).reason == "empty"


def test_rejected_is_readable_and_pickles():
    rejected = Rejected("empty", "Nothing here.")
    assert str(rejected) == "Nothing here."
    assert "empty" in repr(rejected)
    again = pickle.loads(pickle.dumps(rejected))
    assert (again.reason, again.error) == ("empty", "Nothing here.")


def test_bounds_on_version_and_id_are_invalid_fields() -> None:
    import json
    from datetime import UTC, datetime

    import pytest

    from streams.normalize import Rejected, normalize_message

    now = datetime(2025, 6, 4, tzinfo=UTC)
    for bad in (2**80, 2**31, "99999999999"):
        with pytest.raises(Rejected) as info:
            normalize_message(json.dumps({"id": "a", "body": "b", "version": bad}).encode(),
                              received_at=now)
        assert info.value.reason in {"invalid_field"}
        assert "version" in info.value.error
    assert normalize_message(json.dumps({"body": "b", "version": 2**31 - 1}).encode(),
                             received_at=now).version == 2**31 - 1
    with pytest.raises(Rejected, match="at most 512"):
        normalize_message(json.dumps({"id": "x" * 513, "body": "b"}).encode(), received_at=now)


def test_bidi_and_zero_width_characters_leave_ids_urls_and_text() -> None:
    import json
    from datetime import UTC, datetime

    from streams.normalize import normalize_message

    doc = {
        "id": "urn:\u202ewire\u200b:7\u2066",
        "url": "https://example.org/\u202estory",
        "headline": "Drones \u202ehit\u200b the depot",
        "body": "A str\u200dike on the d\u200cepot was reported. \u0641\u200c\u0627 stays.",
    }
    out = normalize_message(json.dumps(doc).encode(),
                            received_at=datetime(2025, 6, 4, tzinfo=UTC))
    assert out.article_id == "urn:wire:7"
    assert out.url == "https://example.org/story"
    assert out.headline == "Drones hit the depot"
    assert out.body.startswith("A strike on the depot was reported.")
    assert "\u0641\u200c\u0627" in out.body, "ZWNJ inside Arabic-script words is spelling"


def test_a_field_nested_a_thousand_deep_is_an_invalid_field_not_a_crash() -> None:
    from datetime import UTC, datetime

    import pytest

    from streams.normalize import Rejected, normalize_message

    deep = b'{"body": ' + b"[" * 1000 + b"]" * 1000 + b"}"
    with pytest.raises(Rejected) as info:
        normalize_message(deep, received_at=datetime(2025, 6, 4, tzinfo=UTC))
    assert info.value.reason == "invalid_field"
    assert "Field 'body' is an array" in info.value.error
    assert len(info.value.error) < 200
