"""Translation step, source 3 (off unless asked): machine translation via Argos or an OpenAI-style API."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import Any, Protocol

from reportgen.errors import ReportgenError

ENV_BASE_URL = "REPORTGEN_OPENAI_BASE_URL"
ENV_MODEL = "REPORTGEN_OPENAI_MODEL"
ENV_KEY = "OPENAI_API_KEY"
TRANSLATORS = ("none", "argos", "openai")

_SYSTEM_PROMPT = (
    "You translate passages of Chinese government work reports into English in the style of the "
    "official English versions. Translate faithfully and completely: add nothing, omit nothing, keep "
    "every number and unit exactly. Answer with the English translation only."
)


class MTError(ReportgenError):
    """A machine translator is not available or failed."""


class MachineTranslator(Protocol):
    name: str

    def translate(self, zh: str, *, glossary: Sequence[tuple[str, str]] = ()) -> str: ...


def make_mt(name: str | None, **options: Any) -> MachineTranslator | None:
    """The translator called ``name`` ("none" → None), checked to be usable now.

    ``openai`` options: ``base_url``, ``model``, ``api_key``, ``timeout`` (defaults from
    ``$REPORTGEN_OPENAI_BASE_URL``, ``$REPORTGEN_OPENAI_MODEL``, ``$OPENAI_API_KEY``).
    """
    if name is None or name in ("", "none"):
        return None
    if name == "argos":
        return ArgosTranslator()
    if name == "openai":
        return OpenAITranslator(**options)
    raise MTError(f"unknown translator {name!r} (choose one of: {', '.join(TRANSLATORS)})")


class ArgosTranslator:
    """Offline Argos Translate with an installed zh→en package. reportgen never downloads one."""

    name = "argos"

    def __init__(self) -> None:
        try:
            from argostranslate import translate as argos  # type: ignore[import-not-found]
        except ImportError:
            raise MTError(
                "--translator argos needs Argos Translate: pip install 'reportgen[argos]' "
                "(or pip install argostranslate), then install its zh→en package, e.g. "
                "argospm update && argospm install translate-zh_en"
            ) from None
        langs = {lang.code: lang for lang in argos.get_installed_languages()}
        zh, en = langs.get("zh"), langs.get("en")
        pair = zh.get_translation(en) if zh and en else None
        if pair is None:
            raise MTError(
                "Argos Translate has no zh→en package installed; install one with "
                "argospm update && argospm install translate-zh_en (reportgen does not download it)"
            )
        self._pair = pair

    def translate(self, zh: str, *, glossary: Sequence[tuple[str, str]] = ()) -> str:
        try:
            return str(self._pair.translate(zh)).strip()
        except Exception as e:  # Argos raises assorted runtime errors from its models
            raise MTError(f"Argos Translate failed: {e}") from None


class OpenAITranslator:
    """Any OpenAI-compatible ``/v1/chat/completions`` endpoint, over urllib with a timeout."""

    name = "openai"

    def __init__(
        self,
        *,
        base_url: str | None = None,
        model: str | None = None,
        api_key: str | None = None,
        timeout: float = 60.0,
    ) -> None:
        base = base_url or os.environ.get(ENV_BASE_URL)
        if not base:
            raise MTError(
                f"--translator openai needs a base URL: --openai-base-url or ${ENV_BASE_URL}"
                " (e.g. http://127.0.0.1:8000/v1)"
            )
        self.model = model or os.environ.get(ENV_MODEL) or ""
        if not self.model:
            raise MTError(f"--translator openai needs a model name: --openai-model or ${ENV_MODEL}")
        base = base.rstrip("/")
        if not base.startswith(("http://", "https://")):
            raise MTError(f"OpenAI base URL must start with http:// or https://: {base!r}")
        self.url = base + ("/chat/completions" if base.endswith("/v1") else "/v1/chat/completions")
        self.api_key = api_key if api_key is not None else os.environ.get(ENV_KEY, "")
        self.timeout = timeout

    def translate(self, zh: str, *, glossary: Sequence[tuple[str, str]] = ()) -> str:
        prompt = zh
        if glossary:
            # Official renderings from the termbase keep MT consistent with the rest of the briefing.
            lines = "\n".join(f"{z} = {e}" for z, e in glossary)
            prompt = f"Use these renderings:\n{lines}\n\nTranslate:\n{zh}"
        body = {
            "model": self.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": _SYSTEM_PROMPT},
                {"role": "user", "content": prompt},
            ],
        }
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        req = urllib.request.Request(
            self.url, data=json.dumps(body).encode("utf-8"), headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                payload = json.loads(resp.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace")[:200].strip()
            raise MTError(f"{self.url}: HTTP {e.code} {e.reason}: {detail}") from None
        except urllib.error.URLError as e:
            raise MTError(f"{self.url}: cannot connect ({e.reason})") from None
        except TimeoutError:
            raise MTError(f"{self.url}: no answer within {self.timeout:g} s") from None
        except (ValueError, UnicodeDecodeError) as e:
            raise MTError(f"{self.url}: answer is not JSON ({e})") from None
        try:
            text = payload["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise MTError(f"{self.url}: answer has no choices[0].message.content") from None
        if not isinstance(text, str) or not text.strip():
            raise MTError(f"{self.url}: empty translation")
        return text.strip()
