"""The continuity chapter tells §1.7's story: plain sentences per language, counted words
that agree with their numbers (0, 1, many), verdicts that say "just" near a threshold,
and no claim at all while there is too little to measure."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs
import pytest
from babel import Locale
from hypothesis import given, settings
from hypothesis import strategies as st

import copharvest
from copharvest.analysis import analyse
from copharvest.harvest import make_harvest
from copharvest.l10n import format_list, plural_form
from copharvest.labels import LABELS, labels_for, plural
from copharvest.model import Community, Member, Organisation, Period, Session, Settings
from copharvest.story import verdict
from copharvest.views import ContinuityView
from strategies import communities

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "wijkenaanpak-2009-2011"
START = dt.date(2020, 1, 1)


def community(
    attendance: Sequence[Sequence[str]],
    *,
    locale: str = "nl",
    absent: Sequence[str] = (),
    orgs: Mapping[str, str] | None = None,
    levels: Mapping[str, str] | None = None,
    settings: Settings | None = None,
) -> Community:
    """Sessions a week apart; members by id, with an organisation from ``orgs``."""
    orgs = orgs or {}
    levels = levels or {}
    ids = sorted({mid for ids in attendance for mid in ids} | set(absent))
    return Community(
        name="Story",
        locale=locale,
        period=Period(start=START),
        organisations=tuple(
            Organisation(id=o, name=o.title(), level=levels.get(o))
            for o in sorted(set(orgs.values()))
        ),
        # everyone consented: the story's wording is tested here, small groups in
        # test_privacy_suppression.py
        members=tuple(
            Member(id=m, name=m.upper(), organisation=orgs.get(m), consent=True) for m in ids
        ),
        sessions=tuple(
            Session(id=f"s{t}", start=START + dt.timedelta(weeks=t), attendance=tuple(ids))
            for t, ids in enumerate(attendance)
        ),
        settings=settings or Settings(),
    )


def chapter(c: Community) -> ContinuityView:
    return make_harvest(c, analyse(c).to_json()).continuity


def text(c: Community) -> str:
    view = chapter(c)
    return "\n".join((*view.summary, *view.flags))


# -- the plural mechanism ---------------------------------------------------------------


@pytest.mark.parametrize("locale", ["en", "nl", "nl_NL", "en-GB"])
def test_plural_forms_are_babels(locale: str) -> None:
    rules = Locale.parse(locale.replace("-", "_"))
    assert [plural_form(n, locale) for n in range(300)] == [
        rules.plural_form(n) for n in range(300)
    ]


def test_other_languages_ask_babel() -> None:
    labels = {"x_one": "{n} plik", "x_few": "{n} pliki", "x_many": "{n} plików", "x_other": "?"}
    assert [plural(labels, "x", n, "pl") for n in (1, 3, 5)] == ["1 plik", "3 pliki", "5 plików"]


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "Niemand"), (1, "1 deelnemer vormt"), (2, "2 deelnemers vormen"), (1000, "1.000")],
)
def test_plural_picks_zero_one_other(n: int, expected: str) -> None:
    values = {"share": "", "core_min": "3", "core_rate": "75%"}
    assert plural(labels_for("nl"), "text_core", n, "nl", **values).startswith(expected)


def test_every_counted_label_has_its_other_form_in_both_languages() -> None:
    for language in ("en", "nl"):
        keys = LABELS[language]
        for key in keys:
            stem, _, form = key.rpartition("_")
            if form in ("one", "zero", "two", "few", "many"):
                assert f"{stem}_other" in keys, key


@pytest.mark.parametrize(
    ("items", "en", "nl"),
    [
        (["A"], "A", "A"),
        (["A", "B"], "A and B", "A en B"),
        (["A", "B", "C"], "A, B, and C", "A, B en C"),
    ],
)
def test_lists_as_babel_writes_them(items: list[str], en: str, nl: str) -> None:
    assert (format_list(items, "en"), format_list(items, "nl")) == (en, nl)


@pytest.mark.parametrize(
    ("value", "threshold", "flagged", "expected"),
    [
        (0.30, 0.6, False, "far_below"),
        (0.53, 0.6, False, "far_below"),
        (0.54, 0.6, False, "near_below"),  # exactly 10 % below
        (0.58, 0.6, False, "near_below"),
        (0.60, 0.6, False, "at"),
        (0.62, 0.6, True, "near_above"),
        (0.66, 0.6, True, "near_above"),
        (0.70, 0.6, True, "far_above"),
    ],
)
def test_verdict_near_and_far(value: float, threshold: float, flagged: bool, expected: str) -> None:
    assert verdict(value, threshold, flagged) == expected


# -- the members: 0, 1 and many ------------------------------------------------------------

TIER_CASES = {
    # three sessions, each member once: nobody in the core
    "zero": ([["a"], ["b"], ["c"]], ()),
    # k every time (core), a twice (active), n never
    "one": ([["k", "a"], ["k"], ["k", "a"]], ("n",)),
    "many": ([["k", "j", "a", "b"], ["k", "j"], ["k", "j", "a", "b"]], ("n", "m")),
}
TIER_TEXT = {
    ("zero", "nl"): [
        "Alle 3 deelnemers op de lijst kwamen minstens één keer.",
        "Niemand hoort nog bij de vaste kern: daarvoor kom je naar minstens 3 bijeenkomsten",
        "3 deelnemers kwamen eenmalig: tot nu toe één keer.",
    ],
    ("one", "nl"): [
        "2 van de 3 deelnemers op de lijst kwamen minstens één keer.",
        "1 deelnemer staat wel op de lijst maar kwam nooit, en telt in de cijfers verder niet mee.",
        "1 deelnemer vormt de vaste kern (50% van wie kwam): die kwam naar minstens 3",
        "1 deelnemer was actief: minstens 2 keer, en bij 40% of meer",
    ],
    ("many", "nl"): [
        "4 van de 6 deelnemers op de lijst kwamen minstens één keer.",
        "2 deelnemers staan wel op de lijst maar kwamen nooit, en tellen in de cijfers",
        "2 deelnemers vormen de vaste kern (50% van wie kwam): zij kwamen naar minstens 3",
        "2 deelnemers waren actief",
    ],
    ("zero", "en"): [
        "All 3 members on the list came at least once.",
        "Nobody belongs to the stable core yet: that takes at least 3 sessions",
        "3 members came once so far.",
    ],
    ("one", "en"): [
        "2 of the 3 members on the list came at least once.",
        "1 member is on the list but never came, and plays no further part in the figures.",
        "1 member forms the stable core (50% of those who came)",
        "1 member was active: at least 2 sessions",
    ],
    ("many", "en"): [
        "4 of the 6 members on the list came at least once.",
        "2 members are on the list but never came, and play no further part",
        "2 members form the stable core (50% of those who came)",
        "2 members were active",
    ],
}
ABSENT_TEXT = {
    ("zero", "nl"): ["kwam nooit", "kwamen nooit", "vormen de vaste kern", "actief"],
    ("one", "nl"): ["Alle", "kwamen eenmalig", "deelnemers vormen", "waren actief"],
    ("many", "nl"): ["Alle", "Niemand", "deelnemer vormt", "was actief"],
    ("zero", "en"): ["never came", "form the stable core", "active"],
    ("one", "en"): ["All ", "came once", "members form", "were active"],
    ("many", "en"): ["All ", "Nobody", "member forms", "was active"],
}


@pytest.mark.parametrize("locale", ["nl", "en"])
@pytest.mark.parametrize("case", ["zero", "one", "many"])
def test_members_in_counted_sentences(case: str, locale: str) -> None:
    attendance, absent = TIER_CASES[case]
    story = text(community(attendance, absent=absent, locale=locale))
    for sentence in TIER_TEXT[case, locale]:
        assert sentence in story
    for wrong in ABSENT_TEXT[case, locale]:
        assert wrong not in story


@pytest.mark.parametrize(
    ("attendance", "nl", "en"),
    [
        (
            [["k"], ["k"], ["k", "x"]],
            "1 nieuwkomer van de laatste twee bijeenkomsten krijgt een maatje uit de vaste kern.",
            "1 newcomer of the last two sessions is paired with a buddy from the stable core.",
        ),
        (
            [["k"], ["k", "y"], ["k", "x"]],
            "2 nieuwkomers van de laatste twee bijeenkomsten krijgen een maatje uit de vaste kern.",
            "2 newcomers of the last two sessions are paired with a buddy from the stable core.",
        ),
        (
            [["a"], ["b"], ["c"]],
            "2 nieuwkomers hebben nog geen maatje: er is geen lid van de vaste kern beschikbaar.",
            "2 newcomers have no buddy yet: no member of the stable core is available.",
        ),
    ],
)
def test_buddies_counted(attendance: list[list[str]], nl: str, en: str) -> None:
    assert nl in text(community(attendance, locale="nl"))
    assert en in text(community(attendance, locale="en"))


@pytest.mark.parametrize(
    ("attendance", "nl", "en"),
    [
        (
            [["k", "a"], ["k", "a"], ["k", "b"]],
            "Bij de laatste bijeenkomst was 1 van de 2 aanwezigen er de vorige keer ook.",
            "At the last session, 1 of the 2 present had also been there the time before.",
        ),
        (
            [["k", "a"], ["k", "a"], ["k", "a", "b"]],
            "Bij de laatste bijeenkomst waren 2 van de 3 aanwezigen er de vorige keer ook.",
            "At the last session, 2 of the 3 present had also been there the time before.",
        ),
    ],
)
def test_from_previous_said_plainly(attendance: list[list[str]], nl: str, en: str) -> None:
    assert nl in text(community(attendance, locale="nl"))
    assert en in text(community(attendance, locale="en"))


# -- seats: the seat passed on, or the same team --------------------------------------------

TEAM = {"t1": "ministry", "t2": "ministry"}


@pytest.mark.parametrize(
    ("attendance", "orgs", "nl"),
    [
        (  # everyone stayed: no seat passed on; the ministry kept its team
            [["t1", "t2", "c1"], ["t1", "t2", "c1"], ["t1", "t2", "c1"]],
            {**TEAM, "c1": "city"},
            [
                "Geen enkele organisatie hield haar plek aan tafel terwijl haar afgevaardigde wisselde.",
                "Ministry hield hetzelfde team aan tafel: wie er de eerste keer bij was, was er de "
                "laatste keer ook.",
            ],
        ),
        (  # the city's delegate left and was replaced
            [["t1", "t2", "c1"], ["t1", "t2", "c1"], ["t1", "t2", "c2"]],
            {**TEAM, "c1": "city", "c2": "city"},
            [
                "1 organisatie hield haar plek aan tafel terwijl de afgevaardigde wisselde: City.",
                "Ministry hield hetzelfde team",
            ],
        ),
        (  # two cities changed, two teams stayed
            [
                ["t1", "t2", "a1", "a2", "c1", "d1"],
                ["t1", "t2", "a1", "a2", "c1", "d1"],
                ["t1", "t2", "a1", "a2", "c2", "d2"],
            ],
            {**TEAM, "a1": "agency", "a2": "agency", "c1": "city", "c2": "city"}
            | {"d1": "district", "d2": "district"},
            [
                "2 organisaties hielden hun plek aan tafel terwijl hun afgevaardigde wisselde: "
                "City en District.",
                "Agency en Ministry hielden hetzelfde team aan tafel",
            ],
        ),
    ],
)
def test_seats_kept_and_same_team(
    attendance: list[list[str]], orgs: dict[str, str], nl: list[str]
) -> None:
    story = text(community(attendance, orgs=orgs))
    for sentence in nl:
        assert sentence in story


def test_seats_kept_follows_seat_coverage_min() -> None:
    # the city misses the middle session: coverage 2/3
    c = community(
        [["t1", "t2", "c1"], ["t1", "t2"], ["t1", "t2", "c2"]],
        orgs={**TEAM, "c1": "city", "c2": "city"},
    )
    assert "Geen enkele organisatie" in text(c)
    lower = attrs.evolve(c, settings=Settings(seat_coverage_min=0.6))
    assert "1 organisatie hield haar plek aan tafel" in text(lower)
    assert "bij 60% of meer van de bijeenkomsten" in text(lower)


# -- verdicts near and far from their thresholds ----------------------------------------------

PIGEON = {
    "far_below": ("ruim onder de grens van", "well below the limit of", 2.0),
    "near_below": ("net onder de grens van", "just below the limit of", 1 / 0.95),
    "near_above": ("net boven de grens van", "just above the limit of", 1 / 1.05),
    "far_above": ("ruim boven de grens van", "well above the limit of", 0.5),
}


@pytest.mark.parametrize("where", list(PIGEON))
def test_pigeon_loft_verdict_says_how_close(where: str) -> None:
    attendance = [["a", "b", "c"], ["a", "b", "d"], ["a", "c", "d"], ["a", "b", "c"]]
    index = analyse(community(attendance)).continuity.community.pigeon_loft_index
    assert index is not None
    nl, en, factor = PIGEON[where]
    threshold = min(1.0, index * factor)
    for locale, words in (("nl", nl), ("en", en)):
        c = community(attendance, locale=locale, settings=Settings(pigeon_loft_threshold=threshold))
        (verdict_text,) = [f for f in chapter(c).flags if "0," in f or "0." in f][:1]
        assert words in verdict_text
        shown = f"{round(index, 2):.2f}".rstrip("0")
        assert (shown.replace(".", ",") if locale == "nl" else shown) in verdict_text


ASYMMETRY = {
    "far_below": ("Geen duidelijk informatieoverwicht", "ruim onder", 5.0),
    "near_below": ("Net geen informatieoverwicht", "net onder", 3 / 0.95),
    "near_above": ("Een licht informatieoverwicht bij ‘Rijk’", "net boven", 3 / 1.05),
    "far_above": ("Informatieoverwicht bij ‘Rijk’", "ruim boven", 1.5),
}


@pytest.mark.parametrize("where", list(ASYMMETRY))
def test_information_advantage_names_the_group_and_both_exposures(where: str) -> None:
    opening, how, threshold = ASYMMETRY[where]
    c = community(
        [["t", "c1"], ["t", "c1"], ["t", "c2"]],
        orgs={"t": "ministry", "c1": "city", "c2": "city"},
        levels={"ministry": "national", "city": "city"},
        settings=Settings(asymmetry_threshold=threshold),
    )
    (sentence,) = [f for f in chapter(c).flags if "informatieoverwicht" in f.lower()]
    assert sentence.startswith(opening)
    assert f"{how} de grens van" in sentence
    # the ministry's t saw 3 of 3 sessions, the city's c2 1 of 3: a ratio of 3; the levels
    # by their labels (the core's: there is no pack), never their ids
    assert "wie van ‘Rijk’ bij de laatste bijeenkomst was, had gemiddeld 100%" in sentence
    assert "wie van ‘Stad’ kwam" in sentence
    assert "33%" in sentence
    assert "een verhouding van 3," in sentence


def test_numbers_are_localised_everywhere() -> None:
    c = community(
        [["t", "c1"], ["t", "c1"], ["t", "c2"]],
        orgs={"t": "ministry", "c1": "city", "c2": "city"},
        levels={"ministry": "national", "city": "city"},
        settings=Settings(asymmetry_threshold=1.5),
    )
    view = chapter(c)
    assert view.asymmetry == "3"
    index = analyse(c).continuity.community.pigeon_loft_index
    assert index is not None
    assert view.pigeon_loft_index == f"{round(index, 2)}".replace(".", ",")
    assert "1,5" in "".join(view.flags)
    english = chapter(attrs.evolve(c, locale="en"))
    assert "1.5" in "".join(english.flags)


# -- too little to measure -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attendance", "nl", "en"),
    [
        ([], "Er is nog geen bijeenkomst met een presentielijst", "No session with an attendance"),
        ([["a", "b"]], "Er is pas 1 bijeenkomst vastgelegd.", "Only 1 session has been recorded"),
        ([["a"], ["a"]], "Er zijn pas 2 bijeenkomsten vastgelegd.", "Only 2 sessions have"),
        ([[], [], []], "maar bij geen ervan is de presentie bijgehouden", "none of them has an"),
    ],
)
def test_too_little_to_measure_makes_no_claim(
    attendance: list[list[str]], nl: str, en: str
) -> None:
    for locale, words in (("nl", nl), ("en", en)):
        view = chapter(community(attendance, locale=locale, absent=("z",)))
        assert view.measured is False
        (sentence,) = view.summary
        assert words in sentence
        assert view.flags == view.tiers == view.sessions == view.organisations == ()
        assert view.charts == ()
        assert view.exposure_by_group == ()


def test_three_sessions_are_enough() -> None:
    assert chapter(community([["a"], ["a"], ["a"]])).measured is True


def test_the_starter_harvest_makes_no_claim(starter: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from copharvest.cli import cli as main

    out = tmp_path / "starter.md"
    result = CliRunner().invoke(main, ["build", str(starter), "-f", "markdown", "-o", str(out)])
    assert result.exit_code == 0, result.output
    booklet = out.read_text(encoding="utf-8")
    chapter_text = booklet.split("Continuity: community or pigeon loft?", 1)[1].split("\n## ")[0]
    assert "There is too little to measure continuity yet" in chapter_text
    for claim in ("pigeon loft", "stable core", "|", "Figure", "Signals", "Key figures"):
        assert claim not in chapter_text, claim
    docx = tmp_path / "starter.docx"
    result = CliRunner().invoke(main, ["build", str(starter), "-o", str(docx)])
    assert result.exit_code == 0, result.output
    import zipfile

    with zipfile.ZipFile(docx) as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]
        xml = z.read("word/document.xml").decode()
    assert "There is too little to measure continuity yet" in xml
    assert "Key figures" not in xml
    assert "Participation" not in xml  # the tier table's heading


# -- the example: §1.7's story -----------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> Community:
    return copharvest.load(EXAMPLE)


def test_the_example_says_the_ministry_team_stayed_and_the_cities_changed(
    example: Community,
) -> None:
    from copharvest_wijkenaanpak import pack

    metrics = analyse(example).to_json()
    view = make_harvest(example, metrics, pack()).continuity
    story = "\n".join(view.summary)
    orgs = metrics["organisations"]
    names = {o.id: o.name for o in example.organisations}
    passed = [names[o] for o, r in orgs.items() if r["delegate_changed"] and r["coverage"] >= 0.75]
    assert metrics["community"]["seats_kept"] == len(passed) == 11
    (seats,) = [p for p in view.summary if "hielden hun plek aan tafel" in p]
    kept_sentence = seats.split("hielden hun plek aan tafel")[1].split(".")[0]
    for oid, row in orgs.items():
        if oid in names and names[oid] in kept_sentence:
            assert row["delegate_changed"] is True, oid  # no team that stayed is counted
    assert (
        f"{len(passed)} organisaties hielden hun plek aan tafel terwijl hun afgevaardigde wisselde"
        in story
    )
    assert orgs["bzk-wwi"]["delegate_changed"] is False
    team = [s for s in seats.split(". ") if "hetzelfde team" in s]
    assert team
    assert team[0].startswith("Ministerie van BZK (WWI)")
    assert "Ministerie van BZK (WWI)" not in kept_sentence
    # every city counted changed its delegate; the ministry is never among them
    assert all(
        next(o for o in example.organisations if o.name == name).level == "city" for name in passed
    )
    # the story's numbers, localised, and the stable core by level
    assert "Hier is die 0,58." in story
    assert (
        "Net geen duiventil: de duiventilindex van 0,58 ligt net onder de grens van 0,6."
        in view.flags
    )
    assert "De vaste kern bestaat uit 13 deelnemers van ‘Stad’ en 5 deelnemers van ‘Rijk’." in story
    assert (
        "Bij de laatste bijeenkomst waren 17 van de 26 aanwezigen er de vorige keer ook." in story
    )
    assert "1.7" not in "".join(view.flags)


# -- the ten lessons: sentences, and the self-assessment only where it belongs -----------------


def test_health_annex_public_shows_the_lessons_without_self_assessment(example: Community) -> None:
    harvest = make_harvest(example, analyse(example).to_json(), building_lessons=[("t", "e")] * 10)
    assert [lesson.status for lesson in harvest.building_lessons] == [""] * 10
    assert all(lesson.evidence == "" for lesson in harvest.building_lessons)
    assert harvest.plugin_findings == ()


@pytest.mark.parametrize(
    ("setting", "audience"),
    [(None, "internal"), (True, "public")],
)
def test_health_annex_reads_as_sentences(
    example: Community, setting: bool | None, audience: str
) -> None:
    from copharvest.privacy import Audience

    c = attrs.evolve(example, settings=attrs.evolve(example.settings, health_in_public=setting))
    harvest = make_harvest(
        c,
        analyse(c).to_json(),
        building_lessons=[("t", "e")] * 10,
        audience=Audience(audience),
    )
    evidence = [lesson.evidence for lesson in harvest.building_lessons]
    assert evidence[4] == (
        "In 7 van de 7 bijeenkomsten zat een strategisch overleg; het doel is minstens 50% van "
        "de bijeenkomsten."
    )
    assert harvest.building_lessons[4].status_label == "op orde"
    assert "sessions" not in " ".join(evidence)  # no English in the Dutch annex
    assert ":" not in evidence[0]  # a sentence, not "name: value" pairs


@pytest.mark.parametrize(
    ("args", "assessed"),
    [([], False), (["--audience", "internal"], True)],
)
def test_booklet_formats_show_the_self_assessment_only_internally(
    tmp_path: Path, args: list[str], assessed: bool
) -> None:
    import json

    from click.testing import CliRunner

    from copharvest.cli import cli

    md, js = tmp_path / "b.md", tmp_path / "b.json"
    for out, fmt in ((md, "markdown"), (js, "json")):
        result = CliRunner().invoke(
            cli, ["build", str(EXAMPLE), "-f", fmt, "-o", str(out), "--no-charts", *args]
        )
        assert result.exit_code == 0, result.output
    annex = md.read_text(encoding="utf-8").split("Tien lessen voor het bouwen van een CoP", 1)[1]
    annex = annex.split("\n## ", 1)[0]
    assert "Diversiteit en diagonale relaties" in annex  # the ten lessons, as the seed
    assert ("Status: op orde" in annex) is assessed
    assert ("In 7 van de 7 bijeenkomsten zat een strategisch overleg" in annex) is assessed
    assert ("Woningcorporaties aan tafel" in annex) is assessed  # the pack's own check
    data = json.loads(js.read_text(encoding="utf-8"))
    assert bool(data["metrics"]["health"]) is assessed
    assert {lesson["status"] != "" for lesson in data["building_lessons"]} == {assessed}
    assert bool(data["plugin_findings"]) is assessed


def test_health_in_public_setting(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from copharvest.cli import cli

    folder = tmp_path / "harvest"
    folder.mkdir()
    for item in EXAMPLE.iterdir():
        (folder / item.name).write_bytes(item.read_bytes())
    community_yaml = folder / "community.yaml"
    text_ = community_yaml.read_text(encoding="utf-8")
    assert "\nsettings:\n  max_size: 30" in text_

    def setting(value: str) -> None:
        changed = text_.replace("\nsettings:\n", f"\nsettings:\n  health_in_public: {value}\n")
        community_yaml.write_text(changed, encoding="utf-8")

    setting("true")
    out = tmp_path / "b.md"
    result = CliRunner().invoke(cli, ["build", str(folder), "-f", "markdown", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "In 7 van de 7 bijeenkomsten zat een strategisch overleg" in out.read_text("utf-8")
    # settings are checked at load: a wrong type is a located problem, not a traceback
    setting("maybe")
    result = CliRunner().invoke(cli, ["check", str(folder)])
    assert result.exit_code == 1
    assert "$.settings.health_in_public" in result.output
    assert "Traceback" not in result.output


def _strings(value: object) -> list[str]:
    """Every text of the records, wherever it stands."""
    if isinstance(value, str):
        return [value]
    if attrs.has(type(value)):
        return [s for f in attrs.fields(type(value)) for s in _strings(getattr(value, f.name))]
    if isinstance(value, tuple | list):
        return [s for item in value for s in _strings(item)]
    return []


@settings(max_examples=40, deadline=None)
@given(communities(max_members=6, max_sessions=5), st.sampled_from(["en", "nl", "de"]))
def test_any_community_gets_a_story_with_every_value_filled_in(c: Community, locale: str) -> None:
    c = attrs.evolve(c, locale=locale)
    metrics = analyse(c).to_json()
    view = make_harvest(c, metrics).continuity
    held = metrics["community"]["sessions"]
    assert view.measured == (held >= 3 and metrics["community"]["attendances"] > 0)
    assert view.summary
    # a placeholder left unfilled, unless the records themselves hold that text
    written = _strings(c)
    placeholders = {
        f"{{{name}}}"
        for table in LABELS.values()
        for template in table.values()
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    }
    for sentence in (*view.summary, *view.flags):
        for token in placeholders:
            if token in sentence:
                assert any(token in text for text in written), (token, sentence)
        if "None" in sentence:
            assert any("None" in text for text in written), sentence
    if not view.measured:
        assert len(view.summary) == 1
        assert view.flags == ()
