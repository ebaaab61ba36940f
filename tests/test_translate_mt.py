"""Machine translation backends: an OpenAI-compatible server on 127.0.0.1, and Argos's error path."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from reportgen.translate import Englisher, MTError, Termbase, TranslationMemory, make_mt
from reportgen.translate.mt import OpenAITranslator


class FakeChat(BaseHTTPRequestHandler):
    """Speaks /v1/chat/completions: answers "EN(<user message>)"; modes for errors."""

    requests: list[dict[str, Any]] = []
    mode = "ok"

    def do_POST(self) -> None:  # noqa: N802 (http.server API)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeChat.requests.append(
            {"path": self.path, "auth": self.headers.get("Authorization"), "body": body}
        )
        if FakeChat.mode == "slow":
            time.sleep(1.5)
        if FakeChat.mode == "error" or self.path != "/v1/chat/completions":
            self._send(500, {"error": {"message": "model not loaded"}})
            return
        if FakeChat.mode == "garbage":
            self._send(200, {"unexpected": True})
            return
        user = body["messages"][-1]["content"]
        self._send(200, {"choices": [{"message": {"role": "assistant", "content": f"EN({user})"}}]})

    def _send(self, code: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError):  # the client gave up (timeout test)
            self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeChat)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def reset() -> None:
    FakeChat.requests.clear()
    FakeChat.mode = "ok"


def test_openai_backend_translates_untranslated_prose(server: str) -> None:
    mt = make_mt("openai", base_url=server + "/v1", model="qwen-mt", api_key="secret")
    assert mt is not None and mt.name == "openai"
    eng = Englisher(termbase=Termbase.load(), mt=mt)
    para = "科学分配衔接资金2.82亿元。实施以工代赈项目。"
    tr = eng.paragraph(para)
    assert tr.status == "mt" and tr.label == "MT" and tr.score is None
    # Consecutive uncovered sentences go in one request.
    assert tr.text is not None and tr.text.count("EN(") == 1 and "2.82" in tr.text
    req = FakeChat.requests[0]
    assert req["path"] == "/v1/chat/completions" and req["auth"] == "Bearer secret"
    assert req["body"]["model"] == "qwen-mt" and req["body"]["messages"][0]["role"] == "system"
    # The termbase's official renderings go along as a glossary.
    assert "以工代赈 = work-relief programs" in req["body"]["messages"][-1]["content"]
    # Headings the termbase covers never go to MT.
    assert eng.heading("优化空间布局 促进城乡融合").status == "terms"
    # A repeated passage is not sent twice.
    assert eng.paragraph(para) == tr
    assert len(FakeChat.requests) == 1


def test_mt_fills_only_the_gaps_the_tm_leaves(server: str, tmp_path: Path) -> None:
    tm = TranslationMemory.open(tmp_path / "tm.db")
    tm.add_pairs(
        [("各位代表：", "Fellow Deputies,"), ("农业再获丰收。", "Harvests were again good.")]
    )
    mt = make_mt("openai", base_url=server, model="m")
    tr = Englisher(termbase=Termbase.load(), tm=tm, mt=mt).paragraph(
        "农业再获丰收。新建高标准农田1.58万亩。"
    )
    tm.close()
    assert tr.status == "mt"
    # The TM sentence keeps its official English; only the uncovered one went to MT.
    assert tr.text is not None and tr.text.startswith("Harvests were again good. EN(")
    assert len(FakeChat.requests) == 1
    prompt = FakeChat.requests[0]["body"]["messages"][-1]["content"]
    assert prompt.endswith("新建高标准农田1.58万亩。") and "农业再获丰收" not in prompt


def test_openai_options_from_environment(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTGEN_OPENAI_BASE_URL", server)  # without /v1: added
    monkeypatch.setenv("REPORTGEN_OPENAI_MODEL", "m")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    mt = make_mt("openai")
    assert isinstance(mt, OpenAITranslator)
    assert mt.translate("各位代表：") == "EN(各位代表：)"
    assert FakeChat.requests[0]["auth"] is None


def test_openai_errors_are_clear(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REPORTGEN_OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("REPORTGEN_OPENAI_MODEL", raising=False)
    with pytest.raises(MTError, match="REPORTGEN_OPENAI_BASE_URL"):
        make_mt("openai")
    with pytest.raises(MTError, match="model"):
        make_mt("openai", base_url=server)
    mt = make_mt("openai", base_url=server, model="m", timeout=0.5)
    assert mt is not None
    FakeChat.mode = "error"
    with pytest.raises(MTError, match="HTTP 500.*model not loaded"):
        mt.translate("各位代表：")
    FakeChat.mode = "garbage"
    with pytest.raises(MTError, match="no choices"):
        mt.translate("各位代表：")
    FakeChat.mode = "slow"
    with pytest.raises(MTError, match="no answer within 0.5 s|timed out"):
        mt.translate("各位代表：")


def test_unreachable_server(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    mt = make_mt("openai", base_url=f"http://127.0.0.1:{port}/v1", model="m", timeout=2)
    assert mt is not None
    with pytest.raises(MTError, match="cannot connect"):
        mt.translate("各位代表：")


def test_argos_without_package_explains_how_to_install() -> None:
    try:
        from argostranslate import translate as argos  # type: ignore[import-not-found]
    except ImportError:
        argos = None
    if argos is not None:
        langs = {lang.code for lang in argos.get_installed_languages()}
        if {"zh", "en"} <= langs:
            pytest.skip("an Argos zh→en package is installed here")
    with pytest.raises(MTError, match="argospm install translate-zh_en"):
        make_mt("argos")


def test_no_translator_and_unknown_name() -> None:
    assert make_mt("none") is None and make_mt(None) is None
    with pytest.raises(MTError, match="unknown translator 'deepl'"):
        make_mt("deepl")
