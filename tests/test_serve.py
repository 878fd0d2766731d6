"""`reader serve`: who may connect, what it says on start, and Ctrl+C."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest

from reader.commands.serve_access import TOKEN_COOKIE, is_local
from tests.conftest import run_reader
from tests.serving import free_port, served, start, stop, wait_until_listening

pytest.importorskip("textual_serve")


def _status(url: str, cookie: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url)
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("Set-Cookie", "")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def _no_token_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "READER_TOKEN"}


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.7", "example.org", "::"])
def test_a_non_local_host_without_a_token_is_refused(host: str) -> None:
    run = run_reader("serve", "--host", host, env=_no_token_env())
    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert "without a token" in lines[0] and "READER_TOKEN" in lines[0]


def test_local_hosts_are_the_loopback_ones() -> None:
    assert all(is_local(h) for h in ("127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3"))
    assert not any(is_local(h) for h in ("0.0.0.0", "::", "10.0.0.1", "example.org", ""))


def test_a_missing_file_is_refused_before_serving(tmp_path: Path) -> None:
    run = run_reader("serve", str(tmp_path / "nope.txt"), "--port", str(free_port()))
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "no such file" in run.stderr


def test_localhost_needs_no_token_and_prints_the_url(tmp_path: Path) -> None:
    with served("--db", str(tmp_path / "n.json"), env=_no_token_env()) as s:
        assert f"{s.url}/" in s.banner[0]
        assert _status(f"{s.url}/")[0] == 200


def test_with_a_token_every_request_must_present_it(tmp_path: Path) -> None:
    """Bound to every address (so a token is required), here reached through loopback."""
    args = ("--host", "0.0.0.0", "--db", str(tmp_path / "n.json"))
    with served(*args, env={"READER_TOKEN": "s3cret-token"}) as s:
        port = s.url.rsplit(":", 1)[1]
        assert "?token=s3cret-token" in s.banner[0]
        assert f":{port}/" in s.banner[0]
        assert _status(f"{s.url}/")[0] == 401
        assert _status(f"{s.url}/?token=wrong")[0] == 401
        assert _status(f"{s.url}/static/js/textual.js")[0] == 401
        assert _status(f"{s.url}/ws")[0] == 401
        status, set_cookie = _status(f"{s.url}/?token=s3cret-token")
        assert status == 200
        assert set_cookie.startswith(f"{TOKEN_COOKIE}=s3cret-token") and "HttpOnly" in set_cookie
        # The page's scripts and websocket come with the cookie the page set.
        cookie = f"{TOKEN_COOKIE}=s3cret-token"
        assert _status(f"{s.url}/static/js/textual.js", cookie)[0] == 200
        assert _status(f"{s.url}/static/js/textual.js", f"{TOKEN_COOKIE}=nope")[0] == 401


def test_the_token_option_works_on_localhost_too(tmp_path: Path) -> None:
    with served("--token", "abc-123-xyz", "--db", str(tmp_path / "n.json")) as s:
        assert _status(f"{s.url}/")[0] == 401
        assert _status(f"{s.url}/?token=abc-123-xyz")[0] == 200


def test_ctrl_c_stops_it_cleanly(tmp_path: Path) -> None:
    port = free_port()
    process = start("--port", str(port), "--db", str(tmp_path / "n.json"))
    wait_until_listening(port, process)
    assert _status(f"http://127.0.0.1:{port}/")[0] == 200
    code, out, err = stop(process)
    assert code == 0, err
    assert "Traceback" not in err and "Traceback" not in out
    assert "serving on" in out


def test_a_port_in_use_is_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = run_reader("serve", "--port", str(port), "--db", str(tmp_path / "n.json"))
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "cannot listen" in run.stderr
