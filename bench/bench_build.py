"""Time ``copharvest build`` (a whole process) against a bare docxtpl script, side by side.

Run ``python bench/bench_build.py``. For each harvest, both sides run as separate
processes, alternately, charts off:

(a) a bare docxtpl script: load the context JSON that ``copharvest context`` printed,
    render the template that ``copharvest template export`` wrote, in the same
    sandboxed, autoescaping, strict Jinja environment (with the same ``finalize`` and
    ``rich`` filter, written out in the script), and save;
(b) ``copharvest build DIR -o FILE --no-charts -q``: start, find plugins, load and
    check the records, compute the metrics, build the view model, render and
    post-process (numbered lists, table of contents, properties), write atomically;
    like the bare script, it prepares and compiles the template anew (nothing is
    cached between builds);
(c) ``copharvest build DIR -o FILE -q``: the build as a user runs it, charts included;
(d) the same with ``--template``: the default template with one tag respaced, as a
    user's own template, which copharvest prepares and compiles during the build.

The default template ships prepared and compiled (docx/precompiled.py): (b) and (c)
use that code, as every build with the default template (or an exported one left as
it is) does, while the bare script compiles it. (d) shows what the same build costs
with a template that must be compiled, for reference (no target).

Harvests: the starter folder of ``copharvest init``, the example harvest of the
Wijkenaanpak CoP when its domain pack is installed, and a synthetic harvest with 5,000
lessons and 1,000 sessions. Targets: (b)/(a) at most 1.75 on the small harvests, where
fixed costs dominate, at most 1.25 on the synthetic one, which must build in 5 s;
both (b) and (c) are held to them.
As an outside reference, pandoc converting the markdown output of the same harvest to
.docx is timed too (when pandoc is installed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import copharvest
from copharvest import (
    Chapter,
    Colophon,
    Community,
    Guest,
    Lesson,
    LessonKind,
    Member,
    Organisation,
    Pair,
    PairTable,
    Passage,
    Period,
    PlaceKind,
    ProgrammeItem,
    Quote,
    Reading,
    Session,
    Verdict,
    WorkForm,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "wijkenaanpak-2009-2011"
SMALL_TARGET = 1.75
LARGE_TARGET = 1.25
LARGE_SECONDS = 5.0

BARE = """\
import json
import re
import sys

from docxtpl import DocxTemplate, RichText
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

MARKS = re.compile(r"\\{_[{%]|[}%]_\\}")


def finalize(value):
    if isinstance(value, str) and "_" in value and MARKS.search(value):
        text = str(value) if isinstance(value, Markup) else str(escape(value))
        return Markup(text.replace("{", "&#123;").replace("}", "&#125;").replace("%", "&#37;"))
    return value


def rich(runs):
    text = RichText()
    for run in runs:
        if not run["text"]:
            continue
        if run["bold"] and run["italic"]:
            text.add(run["text"], bold=True, italic=True)
        elif run["bold"]:
            text.add(run["text"], style="Strong")
        elif run["italic"]:
            text.add(run["text"], style="Emphasis")
        else:
            text.add(run["text"])
    text.xml = text.xml.replace("{", "&#123;").replace("}", "&#125;")
    return text


template, context, output = sys.argv[1:4]
with open(context, encoding="utf-8") as f:
    data = json.load(f)
env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, finalize=finalize)
env.filters["rich"] = rich
tpl = DocxTemplate(template)
tpl.render(data, env)
tpl.save(output)
"""


def synthetic(lessons: int = 5_000, sessions: int = 1_000, seed: int = 7) -> Community:
    """A large community: 24 chapters, 120 members, about 18 of them at each session."""
    rnd = random.Random(seed)
    start = dt.date(2000, 1, 6)
    orgs = tuple(
        Organisation(id=f"org-{i}", name=f"Gemeente {i}", level="city" if i else "national")
        for i in range(30)
    )
    members = tuple(
        Member(
            id=f"m{i}",
            name=f"Deelnemer {i}",
            organisation=f"org-{i % 30}",
            role="projectleider",
            joined=start,
            consent=i % 3 != 0,
        )
        for i in range(120)
    )
    session_list = []
    for i in range(sessions):
        day = start + dt.timedelta(days=7 * i)
        session_list.append(
            Session(
                id=f"s{i}",
                start=day,
                end=day + dt.timedelta(days=1),
                title=f"Bijeenkomst {i}",
                place=f"Stad {i % 17}",
                place_kind=PlaceKind.PRACTICE if i % 2 else PlaceKind.VENUE,
                guests=(Guest(id=f"g{i}", name=f"Gast {i}", description="inleider"),),
                programme=(
                    ProgrammeItem(title="Casus", form=WorkForm.CASE_CLINIC),
                    ProgrammeItem(title="Overleg", form=WorkForm.STRATEGIC_CONSULTATION),
                ),
                preparation=(f"m{i % 120}",),
                attendance=tuple(sorted({f"m{rnd.randrange(120)}" for _ in range(20)})),
                notes=(Passage(text=f"Verslag van bijeenkomst {i}: *goed* gesprek over de wijk."),),
            )
        )
    chapters = tuple(
        Chapter(
            id=f"ch{i}",
            part=1 + i % 2,
            title=f"Hoofdstuk {i}",
            body=(
                Passage(
                    text="Een alinea met **nadruk** en *cursief*.\n\n- een punt\n- nog een punt"
                ),
                Passage(text="Nog een alinea over wat de deelnemers leerden."),
            ),
        )
        for i in range(24)
    )
    lesson_list = tuple(
        Lesson(
            text=f"Les {i}: leer van elkaars praktijk en houd de groep bij elkaar.",
            kind=LessonKind.TIP if i % 5 == 0 else LessonKind.LESSON,
            chapter=f"ch{i % 24}",
            session=f"s{i % sessions}",
        )
        for i in range(lessons)
    )
    quotes = tuple(
        Quote(
            text=f"Citaat {i}: dit was een mooie bijeenkomst.",
            speaker=f"m{i % 120}",
            chapter=f"ch{i % 24}",
        )
        for i in range(300)
    )
    readings = tuple(
        Reading(
            id=f"r{i}",
            title=f"Rapport {i}",
            authors=(f"Auteur {i}",),
            year=2000 + i % 20,
            session=f"s{i}",
            verdict=Verdict.USABLE,
        )
        for i in range(100)
    )
    table = PairTable(
        id="van-naar",
        title="Van en naar",
        rows=tuple(Pair(left=f"Van {i}", right=f"Naar {i}") for i in range(12)),
    )
    return Community(
        name="Synthetische CoP",
        subtitle="Een grote oogst",
        locale="nl",
        period=Period(start=start, end=start + dt.timedelta(days=7 * sessions + 7)),
        colophon=Colophon(publisher="Uitgever", text_by=("Schrijver",)),
        intro=(Passage(text="Een inleiding."),),
        organisations=orgs,
        members=members,
        sessions=tuple(session_list),
        chapters=chapters,
        lessons=lesson_list,
        quotes=quotes,
        readings=readings,
        tables=(table,),
    )


def respaced(template: Path, target: Path) -> None:
    """``template`` with its first ``{{ labels.figure }}`` written ``{{labels.figure}}``:
    the same booklet, from a template that is no longer the default one."""
    import zipfile

    with zipfile.ZipFile(template) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"{{ labels.figure }}", b"{{labels.figure}}", 1)
            out.writestr(info, data)


def copharvest_command() -> list[str]:
    found = shutil.which("copharvest") or str(Path(sys.executable).parent / "copharvest")
    return [found]


def run(command: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def bench(
    name: str,
    folder: Path,
    work: Path,
    runs: int,
    env: dict[str, str],
    target: float,
    limit: float | None,
) -> bool:
    cli = copharvest_command()
    template, context = work / "template.docx", work / f"{name}.json"
    if not template.exists():
        subprocess.run(
            [*cli, "template", "export", str(template)],
            check=True,
            env=env,
            stderr=subprocess.DEVNULL,
        )
    with context.open("w", encoding="utf-8") as out:
        subprocess.run([*cli, "context", str(folder)], check=True, env=env, stdout=out)
    script = work / "bare.py"
    script.write_text(BARE, encoding="utf-8")
    bare_cmd = [sys.executable, str(script), str(template), str(context), str(work / "bare.docx")]
    build_cmd = [*cli, "build", str(folder), "-o", str(work / f"{name}.docx"), "--no-charts", "-q"]
    charted_cmd = [*cli, "build", str(folder), "-o", str(work / f"{name}-charts.docx"), "-q"]
    own = work / "own-template.docx"
    if not own.exists():
        respaced(template, own)
    own_cmd = [*charted_cmd[:-1], "--template", str(own), "-q"]
    own_cmd[own_cmd.index("-o") + 1] = str(work / f"{name}-own.docx")
    bare: list[float] = []
    warm: list[float] = []
    cold: list[float] = []
    compiled: list[float] = []
    for command in (bare_cmd, build_cmd, charted_cmd, own_cmd):
        run(command, env)  # warm the file cache for all
    for _ in range(runs):
        bare.append(run(bare_cmd, env))
        warm.append(run(build_cmd, env))
        cold.append(run(charted_cmd, env))
        compiled.append(run(own_cmd, env))
    a = statistics.median(bare)
    size = (work / f"{name}.docx").stat().st_size
    print(f"\n{name}: {size / 1e3:,.0f} kB booklet, {runs} runs each")
    print(f"  (a) bare docxtpl script            median {a:6.3f} s   (min {min(bare):.3f})")
    limit_text = f", and at most {limit:.0f} s" if limit else ""
    ok = True
    for label, times in (
        ("(b) copharvest build --no-charts   ", warm),
        ("(c) copharvest build, with charts  ", cold),
    ):
        b = statistics.median(times)
        met = b / a <= target and (limit is None or b <= limit)
        ok = ok and met
        print(
            f"  {label} median {b:6.3f} s   (min {min(times):.3f})   "
            f"{b / a:.2f}x (a), target at most {target:.2f}x{limit_text}: "
            f"{'met' if met else 'MISSED'}"
        )
    d = statistics.median(compiled)
    print(
        f"  (d) (c) with a changed template      median {d:6.3f} s   (min {min(compiled):.3f})   "
        f"{d / a:.2f}x (a), compiled during the build (reference)"
    )
    pandoc = shutil.which("pandoc")
    if pandoc:
        markdown = work / f"{name}.md"
        subprocess.run(
            [*cli, "build", str(folder), "-f", "markdown", "-o", str(markdown), "-q"],
            check=True,
            env=env,
        )
        pandoc_cmd = [pandoc, str(markdown), "-o", str(work / f"{name}-pandoc.docx")]
        times = [run(pandoc_cmd, env) for _ in range(runs)]
        print(
            f"  outside reference: pandoc markdown -> docx  median {statistics.median(times):6.3f} s"
            f"   ({statistics.median(times) / a:.2f}x the bare script)"
        )
    if name != "wijkenaanpak" or probe_pack():
        phases(folder)
    return ok


def probe_pack() -> bool:
    from copharvest.plugins import get_plugins, get_registry

    return "wijkenaanpak" in get_registry(get_plugins()).packs


def phases(folder: Path) -> None:
    """Where the time of a build goes, measured in this process (imports already done)."""
    import io

    from copharvest.formats.docx import package, post, renderer
    from copharvest.formats.docx.context import render_context
    from copharvest.pipeline import prepare
    from copharvest.plugins import get_plugins

    marks = [("start", time.perf_counter())]

    def mark(name: str) -> None:
        marks.append((name, time.perf_counter()))

    plugins = get_plugins()
    mark("plugin discovery")
    community = copharvest.load(folder)
    mark("load and check the records")
    harvest = prepare(community, plugins).harvest
    mark("metrics and view model")
    context = render_context(harvest)
    mark("render context")
    template_class = renderer._template_class()
    tpl = template_class(io.BytesIO(renderer.default_template()))
    tpl.render(context, renderer.make_environment())
    mark("docxtpl render")
    document = tpl.docx
    styles = post.StyleInfo(document)
    post.restart_numbered_lists(document, styles)
    post.fill_table_of_contents(document, styles)
    mark("lists, table of contents")
    package.document_bytes(document)
    mark("package")
    print(
        "  in process: "
        + ", ".join(
            f"{name} {1000 * (t1 - t0):.0f} ms" for (_, t0), (name, t1) in itertools.pairwise(marks)
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each side (default 5)")
    parser.add_argument("--large-runs", type=int, default=3, help="runs on the large harvest")
    parser.add_argument(
        "--only",
        choices=("starter", "wijkenaanpak", "synthetic"),
        action="append",
        help="time only this harvest (repeatable)",
    )
    args = parser.parse_args(argv)
    wanted = set(args.only or ("starter", "wijkenaanpak", "synthetic"))
    # Both sides run as an installed program runs: with its bytecode cached (an
    # editable install under PYTHONDONTWRITEBYTECODE would compile copharvest's
    # modules from source on every run, while its dependencies have their .pyc files).
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SOURCE_DATE_EPOCH", "PYTHONDONTWRITEBYTECODE")
    }
    results = []
    with tempfile.TemporaryDirectory(prefix="copharvest-bench-") as tmp:
        work = Path(tmp)
        starter = work / "starter"
        subprocess.run(
            [*copharvest_command(), "init", str(starter)],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if "starter" in wanted:
            results.append(bench("starter", starter, work, args.runs, env, SMALL_TARGET, None))
        if EXAMPLE.exists() and "wijkenaanpak" in wanted:
            probe = subprocess.run(
                [*copharvest_command(), "check", str(EXAMPLE)], env=env, capture_output=True
            )
            if probe.returncode == 0:
                results.append(
                    bench("wijkenaanpak", EXAMPLE, work, args.runs, env, SMALL_TARGET, None)
                )
            else:
                print("\n(example harvest skipped: its domain pack is not installed)")
        if "synthetic" not in wanted:
            return 0 if all(results) else 1
        large = work / "synthetic"
        community = synthetic()
        copharvest.save(community, large)
        print(
            f"\nsynthetic harvest: {len(community.lessons):,} lessons, "
            f"{len(community.sessions):,} sessions, {len(community.members)} members, "
            f"{sum(len(s.attendance) for s in community.sessions):,} attendances"
        )
        results.append(
            bench("synthetic", large, work, args.large_runs, env, LARGE_TARGET, LARGE_SECONDS)
        )
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
