"""requirements.lock is what `make` installs: it must agree with pyproject.toml's pins (run
`make lock` after editing them) and carry a hash for every package."""

import re
import tomllib

from project_tools import ROOT

LOCK = (ROOT / "requirements.lock").read_text("utf-8")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, str]:
    return {canonical(name): version
            for name, version in re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", LOCK, re.M)}


def test_every_pin_of_pyproject_is_in_the_lock_file():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    pins = project["dependencies"] + [p for extra in project["optional-dependencies"].values()
                                      for p in extra]
    versions = locked()
    for pin in pins:
        name, version = pin.split("==")
        name = name.split("[", 1)[0]  # "pagefind[bin]": the extra pins pagefind-bin itself
        assert versions.get(canonical(name)) == version, f"{pin}: run `make lock`"


def test_every_locked_package_has_a_hash():
    entries: list[list[str]] = []  # a package's line, then its --hash and "# via" lines
    for line in LOCK.splitlines():
        if re.match(r"[A-Za-z0-9]", line):
            entries.append([line])
        elif entries:
            entries[-1].append(line)
    # One entry per pin line: a package may have two, for different Pythons ("; python_...").
    pins = re.findall(r"^[A-Za-z0-9][A-Za-z0-9._-]*==", LOCK, re.M)
    assert len(entries) == len(pins) > 20
    for entry in entries:
        assert any("--hash=sha256:" in line for line in entry[1:]), entry[0]


def test_the_makefile_installs_from_the_lock_with_hashes():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "pip install --quiet --require-hashes -r requirements.lock" in makefile
    assert "pip install --quiet --no-deps -e ." in makefile
    assert re.search(r"^\$\(VENV\)/\.installed: requirements\.lock", makefile, re.M)


def test_the_pip_that_installs_the_lock_is_pinned_with_its_hash():
    """`make` first installs tools/pip.lock: a venv's own pip (23.2) takes the newest release
    for a dependency's extras instead of the pinned one, which --require-hashes refuses."""
    pins = (ROOT / "tools" / "pip.lock").read_text("utf-8")
    assert re.search(r"^pip==\d+(?:\.\d+)+ \\\n\s+--hash=sha256:[0-9a-f]{64}$", pins, re.M)
    assert "-r tools/pip.lock" in (ROOT / "Makefile").read_text("utf-8")
