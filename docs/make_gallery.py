"""Draw the charts of docs/gallery.md.  Run from the repository root:

    python docs/make_gallery.py [OUT_DIR]
    python docs/make_gallery.py --screenshot [OUT_DIR]

Writes docs/gallery/*.png (or into OUT_DIR): the three scenarios of the Digitale
Werkstatt plan, generated plans of 200 and 1,000 tasks in 10 work packages, and more.
``--screenshot`` writes only the picture of the interactive chart (``psp gantt -o
chart.html``): a headless Chromium on the PATH (Debian's ``chromium``) opens the page and
takes it, as the test of the interactive chart does.
"""

from __future__ import annotations

import random
from pathlib import Path

import psp

HERE = Path(__file__).parent
OUT = HERE / "gallery"
EXAMPLE = HERE.parent / "examples" / "digitale_werkstatt.toml"


def generated_plan(tasks: int = 200, packages: int = 10, seed: int = 7) -> psp.Project:
    """Work packages of chained tasks with some links across packages; months, 4 years."""
    rng = random.Random(seed)
    per = tasks // packages
    plan_tasks, links = [], []
    for p in range(packages):
        for i in range(per):
            task_id = f"{p + 1}.{i + 1}"
            plan_tasks.append(psp.Task(task_id, f"Arbeitsschritt {task_id}: Analyse, Umsetzung "
                                       "und Dokumentation", package=f"AP{p + 1}",
                                       owners={rng.choice(["Stadt", "Region", "IHK", "HWK"])},
                                       duration=rng.randint(1, 4)))
            if i:  # work packages run partly in parallel inside: FS and SS, small lags
                links.append(psp.Link(f"{p + 1}.{rng.randint(max(1, i - 3), i)}", task_id,
                                      rng.choice(["FS", "SS", "SS"]), lag=rng.randint(0, 1)))
        if p:  # each package starts once the one before is under way
            links.append(psp.Link(f"{p}.{rng.randint(2, 4)}", f"{p + 1}.1", "SS"))
    return psp.Project(
        f"Generierter Plan: {tasks:,} Aufgaben in {packages} Arbeitspaketen".replace(",", "."),
        psp.Month(2022, 1),
        end=psp.Month(2024, 6).last_day,
        packages=[psp.Package(f"AP{p + 1}", f"Arbeitspaket {p + 1}") for p in range(packages)],
        tasks=plan_tasks, links=links)


EXAMPLES = HERE.parent / "examples"


def main(out: Path = OUT) -> None:
    """Draw every chart of the gallery into ``out``."""
    out.mkdir(exist_ok=True)
    plan = psp.load(EXAMPLE)
    region = psp.load_portfolio(EXAMPLES / "digitale_modellregion.toml")
    delay = psp.Delay("3.1", until="2021-06")
    charts = {
        "scenario1-baseline.png": psp.gantt(psp.schedule(plan)),
        "scenario2-delay.png": psp.gantt(psp.replan(plan, [delay])),
        "scenario3-extension.png": psp.gantt(psp.replan(plan, [delay,
                                                               psp.Extend(to="31.12.2021")])),
        "scenario3-extension-en-arrows.png": psp.gantt(
            psp.replan(plan, [delay, psp.Extend(to="31.12.2021")]), lang="en", arrows=True),
        "werkstatt-progress-april-2021.png": psp.gantt(
            psp.replan(plan, [psp.Progress("2021-04-15", not_started=["3.3"])])),
        "generated-200-tasks.png": psp.gantt(psp.schedule(generated_plan())),
        "generated-1000-tasks-packages.png": psp.gantt(
            psp.schedule(generated_plan(1000, 10)), lang="en"),
        "portfolio-modellregion.png": psp.gantt(psp.schedule_portfolio(region),
                                                load=psp.costs(region)),
        "werkstatt-may-2021-events.png": psp.gantt(
            psp.schedule(psp.load(EXAMPLES / "digitale_werkstatt_2021-05.toml")),
            baseline=psp.schedule(plan)),
        "industrie-dialog-overview.png": psp.milestone_overview(
            psp.load(EXAMPLES / "industrie_dialog.toml")),
        "digitale-strategie-mta.png": psp.mta_chart(psp.milestone_trend(
            [psp.load(EXAMPLES / "digitale_strategie_2017.toml"),
             psp.load(EXAMPLES / "digitale_strategie.toml")])),
        "risk-digitale-werkstatt.png": psp.export.risk_chart(psp.simulate(
            psp.load(EXAMPLES / "digitale_werkstatt_risiko.toml"), samples=10_000,
            seed=2021)).figure,
    }
    for name, chart in charts.items():
        chart.savefig(str(out / name), dpi=80)
        print(out / name)


SCREENSHOT = "interactive-scenario3-en.png"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def chromium_screenshot(page: Path, png: Path, *, size: tuple[int, int] = (1300, 900)) -> bool:
    """Open ``page`` in a headless Chromium and save what it shows; False without one."""
    import shutil
    import subprocess
    import tempfile

    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    if browser is None:
        return False
    with tempfile.TemporaryDirectory() as profile:
        # a fresh profile and no background traffic: the page must need no network
        subprocess.run([browser, "--headless=new", "--no-sandbox", "--disable-gpu",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={profile}", "--hide-scrollbars",
                        f"--window-size={size[0]},{size[1]}", "--virtual-time-budget=5000",
                        f"--screenshot={png}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
    return True


def screenshot(out: Path = OUT) -> None:
    """The interactive chart of scenario 3 in English, as a browser shows it."""
    import tempfile

    plan = psp.load(EXAMPLE)
    result = psp.replan(plan, [psp.Delay("3.1", until="2021-06"), psp.Extend(to="31.12.2021")])
    figure = psp.plotly_gantt(result, lang="en")
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "chart.html"
        psp.export.write_html(figure, page, lang="en")
        if not chromium_screenshot(page, out / SCREENSHOT):
            raise SystemExit("make_gallery: --screenshot needs a Chromium on the PATH "
                             "(Debian: apt-get install chromium)")
    print(out / SCREENSHOT)


if __name__ == "__main__":
    import sys

    arguments = [a for a in sys.argv[1:] if a != "--screenshot"]
    target = Path(arguments[0]) if arguments else OUT
    if "--screenshot" in sys.argv:
        screenshot(target)
    else:
        main(target)
