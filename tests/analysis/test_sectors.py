"""Sector lexicon: terms found, traps avoided, user additions honoured."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import lexicon as lexicon_module
from reader.analysis.lexicon import build, lexicon, variants
from reader.analysis.sectors import find_sectors


def sectors_of(text: str) -> dict[str, list[str]]:
    return {h.id: [m.text(text) for m in h.mentions] for h in find_sectors(text)}


@pytest.mark.parametrize(
    ("sentence", "sector", "term"),
    [
        ("The deal covers oil extraction in the north.", "energy", "oil extraction"),
        ("They are developing natural gas deposits offshore.", "energy", "natural gas deposits"),
        ("The price of crude rose sharply.", "energy", "crude"),
        ("Exports of wheat rose.", "agriculture-food", "Exports of wheat"),
        ("Sugar imports doubled.", "agriculture-food", "Sugar imports"),
        ("The country joined OPEC in 1960.", "energy", "OPEC"),
        ("A new power plant opens next year.", "utilities", "power plant"),
        ("Iron ore shipments resumed.", "mining-metals", "Iron ore"),
        ("Aluminium and aluminum are one metal.", "mining-metals", "aluminum"),
        ("Wheat harvests fell in Kansas.", "agriculture-food", "Wheat"),
        ("Fertiliser is costly.", "agriculture-food", "Fertiliser"),
        ("Fertilizer is costly.", "agriculture-food", "Fertilizer"),
        ("Olive oil exports rose.", "agriculture-food", "Olive oil"),
        ("Pharmaceutical firms gained.", "health-pharma", "Pharmaceutical"),
        ("They make pharmaceuticals.", "health-pharma", "pharmaceuticals"),
        ("Cooperation in medicine will grow.", "health-pharma", "medicine"),
        ("Broadband reaches every village.", "telecom", "Broadband"),
        ("Cooperation in communications and energy.", "telecom", "communications"),
        ("The firm designs semiconductors.", "technology", "semiconductors"),
        ("They seek technological sovereignty.", "technology", "technological sovereignty"),
        ("Cooperation in space was discussed.", "space", "space"),
        ("Two satellites were launched.", "space", "satellites"),
        (
            "Military-technical cooperation was on the agenda.",
            "defense",
            "Military-technical cooperation",
        ),
        ("The defence industry is growing.", "defense", "defence industry"),
        ("They agreed on de-dollarization.", "finance", "de-dollarization"),
        (
            "Settlements in national currencies will grow.",
            "finance",
            "Settlements in national currencies",
        ),
        ("Bilateral trade rose.", "trade", "Bilateral trade"),
        ("New tariffs hit steel.", "trade", "tariffs"),
        ("Import substitution programs expand.", "trade", "Import substitution"),
        ("Freight rates at the port rose.", "transport", "Freight rates"),
        ("Industrial production slowed.", "industry", "Industrial production"),
        ("Housing starts rose in May.", "construction", "Housing starts"),
        ("The tourism industry recovered.", "tourism", "tourism industry"),
        ("Universities want more scientific research.", "education-science", "scientific research"),
        ("Output at the gas\n  field fell.", "energy", "gas\n  field"),
        ("Growers shipped avocados north.", "agriculture-food", "avocados"),
        ("The price of limes doubled.", "agriculture-food", "limes"),
        ("Frost ruined the tomatoes.", "agriculture-food", "tomatoes"),
        ("The plant builds car engines for export.", "industry", "car engines"),
        ("Investment in copper rose.", "mining-metals", "Investment in copper"),
        ("Trade in the coffee of Kenya grew.", "agriculture-food", "Trade in the coffee"),
        ("Ships wait outside the port of Antwerp.", "transport", "port"),
        ("Port officials stayed home; the port reopened.", "transport", "port"),
        ("Universities in Ohio raised fees.", "education-science", "Universities"),
        ("Hotels in Lisbon are full.", "tourism", "Hotels"),
        ("Prices of crude oil, Energy Minister Ali said, rose.", "energy", "crude oil"),
        ("Trade and the Energy Minister were discussed.", "trade", "Trade"),
        ("The ferry sank off the coast.", "transport", "ferry"),
        ("The dollar fell against the yen.", "finance", "dollar"),
        ("Their weapons were seized at the border.", "defense", "weapons"),
        ("Thousands of homes were built.", "construction", "homes"),
    ],
)
def test_term_is_found(sentence: str, sector: str, term: str) -> None:
    assert term in sectors_of(sentence).get(sector, [])


@pytest.mark.parametrize(
    ("sentence", "sector"),
    [
        ("It was done in the space of a week.", "space"),
        ("They rent office space downtown.", "space"),
        ("The communications director resigned.", "telecom"),
        ("Police fired tear gas at the crowd.", "energy"),
        ("He got a taste of his own medicine.", "health-pharma"),
        ("Russia is a world power.", "utilities"),
        ("The tourism industry recovered.", "industry"),
        ("She studied at the Massachusetts Institute of Technology.", "technology"),
        ("He works for Applied Technology Inc of Boston.", "technology"),
        ("The Tea Party rallied in Ohio.", "agriculture-food"),
        ("The trade union called a strike.", "trade"),
        ("He won a gold medal.", "mining-metals"),
        ("It is a think tank in Washington.", "defense"),
        ("Take it with a grain of salt.", "agriculture-food"),
        ("It will be a long process.", "technology"),
        # Words that only look like a sector: a metaphor, a name, an amount.
        ("She spoke of righting a sinking economic ship.", "transport"),
        ("The old party is a sinking ship.", "transport"),
        ("He turned the tax code into a political weapon.", "defense"),
        ("Sanctions are the economic weapons of choice.", "defense"),
        ("The rally was held in Port St. Lucie last week.", "transport"),
        ("They met in Port Said and Port-au-Prince.", "transport"),
        ("He is director of debate at the University of Michigan.", "education-science"),
        ("A lecturer at Boston College and Yale University agreed.", "education-science"),
        ("The donors gave millions of dollars to the Clinton Foundation.", "finance"),
        ("It cost a billion dollars.", "finance"),
        ("Villagers were forced from their homes by high seas.", "construction"),
        ("The storm tore the roof off his homes.", "construction"),
        ("They dined at the Grand Palace Hotel.", "tourism"),
        ("Forecasting is an inexact science.", "education-science"),
        ("Business investment rose two pct.", "finance"),
        ("The firm spent 105 billion yen on its plants.", "finance"),
        ("The Federal Trade Commission approved the merger.", "trade"),
        ("Her financial disclosure lists a farm.", "finance"),
        ("The chief financial officer quit over financial difficulties.", "finance"),
        ("Refugee quotas split the bloc.", "trade"),
        ("Trade sources put the crop at 20 mln bags.", "trade"),
        ("The Minister of Transport resigned.", "transport"),
        ("The Minister for Trade flew home.", "trade"),
        ("The Ministry of International Trade and Industry said so.", "trade"),
        ("The Ministry of International Trade and Industry said so.", "industry"),
        ("Britain's minister of Agriculture, Fisheries and Food spoke.", "agriculture-food"),
        ("The Science and Technology Minister opened it.", "technology"),
        ("The Housing and Tourism Minister resigned.", "construction"),
        ("The Minister of Energy and Mines spoke.", "mining-metals"),
        ("Ministers of Industry, Housing and Transport met.", "transport"),
    ],
)
def test_trap_is_not_a_mention(sentence: str, sector: str) -> None:
    assert sector not in sectors_of(sentence)


def test_trade_head_of_goods_counts_for_the_goods() -> None:
    found = sectors_of("Exports of wheat and imports of the oil fell; trade grew.")
    assert found == {
        "energy": ["imports of the oil"],
        "agriculture-food": ["Exports of wheat"],
        "trade": ["trade"],
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cocoa imports rose in May. Imports from Ghana doubled, while exports fell.",
            {"agriculture-food": ["Cocoa imports", "Imports"], "trade": ["exports"]},
        ),
        (
            "Exports of nickel grew. The exporters expect more exports next year.",
            {"mining-metals": ["Exports of nickel", "exports"], "trade": ["exporters"]},
        ),
        (
            "Imports rose. Later, coal imports fell.",
            {"trade": ["Imports"], "energy": ["coal imports"]},
        ),
        (
            "Tin imports rose. " + "Nothing else was said that day. " * 30 + "Imports fell.",
            {"mining-metals": ["Tin imports"], "trade": ["Imports"]},
        ),
    ],
)
def test_bare_head_goes_on_with_a_nearby_goods_compound(
    text: str, expected: dict[str, list[str]]
) -> None:
    assert sectors_of(text) == expected


def test_officials_titles_are_not_sector_mentions() -> None:
    assert (
        sectors_of("Treasury Secretary James Baker and Trade Representative Clayton Yeutter met.")
        == {}
    )


def test_acronym_in_a_capitals_headline_is_ignored() -> None:
    assert "technology" not in sectors_of("JAPAN SAYS IT WILL CUT RATES")


def test_case_sensitive_terms_need_their_case() -> None:
    assert "technology" in sectors_of("The IT sector grew.")
    assert "technology" not in sectors_of("So it goes, and it is fine.")


def test_variants_cover_plurals_and_spellings() -> None:
    assert {"tariff", "tariffs"} <= variants("tariff")
    assert {"digitalisation", "digitalization"} <= variants("digitalisation")
    assert "refineries" in variants("refinery")


def test_sectors_listed_once_in_taxonomy_order() -> None:
    hits = find_sectors("Trade, oil and more oil.")
    assert [h.id for h in hits] == ["energy", "trade"]
    assert len(hits[0].mentions) == 2


def test_user_file_adds_terms_and_traps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "reader"
    folder.mkdir()
    (folder / "sectors.toml").write_text(
        '[energy]\nterms = ["fracklings"]\nexclude = ["oil painting"]\n', encoding="utf-8"
    )
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    lexicon_module.lexicon.cache_clear()
    try:
        text = "Fracklings rose; an oil painting sold."
        found = {h.id: [m.text(text) for m in h.mentions] for h in find_sectors(text)}
        assert found == {"energy": ["Fracklings"]}
    finally:
        lexicon_module.lexicon.cache_clear()


def test_bad_user_file_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reader"
    folder.mkdir()
    (folder / "sectors.toml").write_text("[energy\nterms = 3", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    lexicon_module.lexicon.cache_clear()
    try:
        lex = lexicon()
        assert any("not valid TOML" in w for w in lex.warnings)
        assert "energy" in {h.id for h in find_sectors("Oil prices rose.", lex)}
    finally:
        lexicon_module.lexicon.cache_clear()


def test_word_classes_expand_in_terms_and_traps() -> None:
    lex = build(
        [
            (
                "package",
                {
                    "energy": {"terms": ["pump", "{size} pump"], "exclude": ["{size} trap pump"]},
                    "classes": {"size": ["big", "small"]},
                },
            )
        ],
        {"energy": "Energy"},
    )
    assert lex.phrases["big pump"] == {"energy"} and lex.phrases["small pumps"] == {"energy"}
    assert lex.phrases["small trap pump"] == frozenset()
    assert not lex.warnings


def test_terms_in_names_are_no_mention_inside_a_name() -> None:
    lex = build(
        [("package", {"space": {"terms": ["rocket"], "in_names": ["rocket"]}})], {"space": "Space"}
    )
    text = "Rocket Lab and the Red Rocket cafe; rockets fly, Rocket makers said."
    hits = find_sectors(text, lex)
    assert [m.text(text) for h in hits for m in h.mentions] == ["rockets", "Rocket"]


def test_unknown_user_sector_is_ignored_with_a_warning() -> None:
    lex = build([("user", {"fishing-rods": {"terms": ["rod"]}})], {"energy": "Energy"})
    assert lex.warnings and "fishing-rods" in lex.warnings[0]
    assert "rod" not in lex.phrases


def test_package_lexicon_covers_every_sector_id(shared_dir: Path) -> None:
    import re

    spec = (shared_dir / "spec" / "sectors.md").read_text(encoding="utf-8")
    ids = re.findall(r"^\|\s*`([a-z-]+)`\s*\|", spec, re.M)
    assert ids and set(ids) == set(lexicon().names)


def test_chunked_lower_case_reading_finds_what_the_whole_text_scan_finds(monkeypatch):
    """Phrases across chunk edges, odd spacing and a letter that grows when lower-cased."""
    from reader.analysis import sectors as sectors_module
    from reader.analysis.lexicon import lexicon

    lex = lexicon()
    text = (
        "Crude  Oil prices rose. STEEL and steel-making coal fell; İstanbul wheat\n"
        "exports of wheat, natural\n gas and Semiconductors. "
    ) * 40
    expected = [(m.start(), m.end(), m.group().lower()) for m in lex.matcher.finditer(text)]
    assert len(expected) > 100
    for chunk in (3, 17, 64, 1000, 1 << 18):
        monkeypatch.setattr(sectors_module, "_CHUNK", chunk)
        found = [(s, e, g.lower()) for s, e, g in sectors_module._phrase_matches(lex, text)]
        assert found == expected, chunk
