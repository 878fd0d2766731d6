"""The MUST assertions of web-platform-tests ``annotation-model/`` as JSON Schemas.

Restated from the suite's ``definitions/*.json`` (annotations, bodyTarget, id,
otherProperties, specificResource, collections) and the assertions its
``annotationMusts.test``, ``bodyMusts.test``, ``targetMusts.test``,
``specificResourceMusts.test``, ``collectionMusts.test`` and ``pageMusts.test``
list, for the properties an export can hold. Draft-04, as the suite writes them.
The suite's ``uri`` and ``date-time`` formats are checked here with functions of
our own (jsonschema needs optional packages for them, and skips them silently).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from jsonschema import Draft4Validator, FormatChecker

ANNO = "http://www.w3.org/ns/anno.jsonld"

# RFC 3986 absolute URI: a scheme, a colon, then characters a URI may hold.
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")
# RFC 3339 date-time.
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")

FORMATS = FormatChecker([])


@FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(_URI.match(value))


@FORMATS.checks("date-time")
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.match(value):
        return False
    datetime.fromisoformat(value.upper().replace("Z", "+00:00"))  # a real date and time
    return True


def _one_or_array(item: dict[str, Any], *, single: bool = False) -> dict[str, Any]:
    array: dict[str, Any] = {"type": "array", "minItems": 1, "items": item}
    if single:
        array["maxItems"] = 1
    return {"oneOf": [item, array]}


URI: dict[str, Any] = {"type": "string", "format": "uri"}
DATE_TIME: dict[str, Any] = {"type": "string", "format": "date-time"}
MOTIVATIONS = [
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
    "highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging",
]  # fmt: skip


def _type_includes(name: str) -> dict[str, Any]:
    """``type`` is ``name`` or an array holding it (annotations.json, collections.json)."""
    return {
        "oneOf": [
            {"type": "string", "enum": [name]},
            {"type": "array", "not": {"items": {"not": {"type": "string", "enum": [name]}}}},
        ]
    }


CONTEXT = {
    "oneOf": [
        {"type": "string", "enum": [ANNO]},
        {"type": "array", "not": {"items": {"not": {"type": "string", "enum": [ANNO]}}}},
    ]
}
AGENTS = _one_or_array({"oneOf": [URI, {"type": "object"}]})

# specificResource.json: the text selectors, and selectorDefined for the rest.
TEXT_QUOTE = {
    "type": "object",
    "properties": {
        "type": {"enum": ["TextQuoteSelector"]},
        "exact": {"type": "string"},
        "prefix": {"type": "string"},
        "suffix": {"type": "string"},
    },
    "required": ["type", "exact"],
}
TEXT_POSITION = {
    "type": "object",
    "properties": {
        "type": {"enum": ["TextPositionSelector"]},
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 0},
    },
    "required": ["type", "start", "end"],
}
SELECTOR = {"oneOf": [URI, {"type": "object", "anyOf": [TEXT_QUOTE, TEXT_POSITION]}]}

# Properties several resources share (otherProperties.json) and their constraints.
COMMON = {
    "created": _one_or_array(DATE_TIME, single=True),
    "modified": _one_or_array(DATE_TIME, single=True),
    "creator": AGENTS,
    "rights": _one_or_array(URI),
    "canonical": _one_or_array(URI, single=True),
    "via": _one_or_array(URI),
}

TEXTUAL_BODY = {
    "type": "object",
    "properties": {
        **COMMON,
        "type": _type_includes("TextualBody"),
        "value": {"type": "string"},
        "format": _one_or_array({"type": "string"}, single=True),
        "language": _one_or_array({"type": "string"}),
        "purpose": _one_or_array({"type": "string", "enum": MOTIVATIONS}),
        "textDirection": {"enum": ["ltr", "rtl", "auto"]},
    },
    "required": ["value"],
    # 4-bodyEmbeddedTextualNoSource, 3.2.7-bodyEmbeddedTextualNoItems
    "not": {"anyOf": [{"required": ["source"]}, {"required": ["items"]}]},
}

SPECIFIC_RESOURCE = {
    "type": "object",
    "properties": {
        **COMMON,
        "source": {"oneOf": [URI, {"type": "object", "required": ["id"]}]},
        "selector": _one_or_array(SELECTOR),
        "purpose": _one_or_array({"type": "string", "enum": MOTIVATIONS}),
    },
    "required": ["source"],
    # 4-targSpecificResourceNoValue, 3.2.7-targSpecificResourceNoItems
    "not": {"anyOf": [{"required": ["value"]}, {"required": ["items"]}]},
}

ANNOTATION_EMBEDDED = {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "title": "annotationMusts + bodyMusts + targetMusts + specificResourceMusts",
    "type": "object",
    "properties": {
        **COMMON,
        "@context": CONTEXT,
        "id": _one_or_array(URI, single=True),  # 3.1-annotationIdValidated
        "type": _type_includes("Annotation"),  # 3.1-annotationTypeValidated
        "motivation": _one_or_array({"type": "string", "enum": MOTIVATIONS}),
        "generated": _one_or_array(DATE_TIME, single=True),
        "generator": AGENTS,
        "bodyValue": _one_or_array({"type": "string"}, single=True),
        # 3.2-bodyObjectsRecognized, 3.2-targetObjectsRecognized (the kinds used here)
        "body": _one_or_array({"oneOf": [URI, TEXTUAL_BODY, SPECIFIC_RESOURCE]}),
        "target": _one_or_array({"oneOf": [URI, SPECIFIC_RESOURCE]}),
    },
    "required": ["id", "type", "target"],  # 3.1-targetKeyFound
    "not": {"required": ["body", "bodyValue"]},  # 3.2.5-notBodyBodyValue
}

ANNOTATION = {  # 3.1-annotationContextValidated: a standalone annotation has its context
    **ANNOTATION_EMBEDDED,
    "required": ["@context", "id", "type", "target"],
}

PAGE_EMBEDDED = {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "title": "pageMusts",
    "type": "object",
    "properties": {
        "@context": CONTEXT,
        "id": _one_or_array(URI, single=True),
        "type": _type_includes("AnnotationPage"),
        "partOf": _one_or_array({"oneOf": [URI, {"type": "object"}]}, single=True),
        "next": _one_or_array(URI, single=True),
        "prev": _one_or_array(URI, single=True),
        "startIndex": _one_or_array({"type": "integer", "minimum": 0}, single=True),
        "items": {
            "type": "array",
            "items": {"oneOf": [ANNOTATION_EMBEDDED, URI]},
        },
    },
    "required": ["id", "type", "items"],
}

PAGE = {**PAGE_EMBEDDED, "required": ["@context", "id", "type", "items"]}

COLLECTION = {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "title": "collectionMusts",
    "type": "object",
    "properties": {
        **COMMON,
        "@context": CONTEXT,
        "id": _one_or_array(URI, single=True),
        "type": _type_includes("AnnotationCollection"),
        "label": _one_or_array({"type": "string"}),
        "total": _one_or_array({"type": "integer", "minimum": 0}, single=True),
        "first": _one_or_array({"oneOf": [URI, PAGE_EMBEDDED]}, single=True),
        "last": _one_or_array(URI, single=True),
    },
    "required": ["@context", "id", "type"],
    # firstRequiredIfTotalMoreThanZero
    "oneOf": [
        {
            "properties": {"total": {"type": "integer", "minimum": 1}},
            "required": ["total", "first"],
        },
        {
            "not": {
                "properties": {"total": {"type": "integer", "minimum": 1}},
                "required": ["total"],
            }
        },
    ],
}


def _validator(schema: dict[str, Any]) -> Draft4Validator:
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=FORMATS)


VALIDATORS = {
    "annotation": _validator(ANNOTATION),
    "page": _validator(PAGE),
    "collection": _validator(COLLECTION),
}


def problems(kind: str, data: Any) -> list[str]:
    """Every MUST ``data`` (an annotation, page or collection) breaks, one line each."""
    found = VALIDATORS[kind].iter_errors(data)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in found]
