"""Tokens never leave their place: not in any log line (DEBUG included), error message, repr
or reply, and the app token is used for nothing but opening the Socket Mode connection."""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import subprocess
import sys

import pytest

from bot.settings import Settings, SettingsError, load_settings
from tests.slack_emulator.emulator import SlackEmulator
from tests.slack_emulator.fixtures import StartWorker
from tests.slack_emulator.worker import REPO_ROOT


def pieces(token: str) -> list[str]:
    """The token and its random tail: a log that cut the prefix would still leak the tail."""
    return [token, token.rsplit("-", 1)[-1]]


def assert_no_secret(text: str, *tokens: str) -> None:
    for token in filter(None, tokens):
        for piece in pieces(token):
            assert piece not in text, f"a secret ({piece[:6]}…) leaked"


async def test_a_worker_run_through_faults_at_debug_level_never_shows_a_token(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    # Socket Mode needs no signing secret; one left in the environment must not leak either.
    signing_secret = secrets.token_hex(16)
    worker = await bot_worker(
        extra_env={
            "SLACK_SIGNING_SECRET": signing_secret,
            "LOG_LEVEL": "DEBUG",
            "SOCKET_PING_SECONDS": "0.5",
            "REPLY_RETRY_SECONDS": "2",
        }
    )
    first = await worker.wait_until_connected()
    slack_emulator.rate_limit("chat.postMessage", count=1, retry_after=1)
    slack_emulator.server_error("response_url", count=10, status=500)  # fails for good
    event = slack_emulator.mention_event("who said unrealistic")
    await slack_emulator.send_event(event)
    await slack_emulator.send_slash_command("who said unrealistic")
    await slack_emulator.wait_for_post(lambda m: m.thread_ts == event["ts"], timeout=10)
    await worker.wait_for_log("could not post the reply", timeout=20)
    await slack_emulator.send_disconnect("refresh_requested", close_after=0.5)
    await worker.wait_until_connected(after=first.id, timeout=15)
    await slack_emulator.send_event(slack_emulator.app_home_opened_event())
    await slack_emulator.wait_for_call("views.publish", timeout=10)
    result = await worker.terminate(signal.SIGTERM)
    assert result.returncode == 0
    assert "DEBUG" in result.output  # the level that logs request headers really was on
    assert_no_secret(result.output, slack_emulator.bot_token, worker.app_token, signing_secret)
    assert "token` will be unused" not in result.output
    for message in slack_emulator.messages:
        assert_no_secret(message.all_text(), slack_emulator.bot_token, worker.app_token)

    # The app token opened connections and did nothing else; the bot token never opened one.
    with_app_token = {c.method for c in slack_emulator.calls if c.token == worker.app_token}
    assert with_app_token == {"apps.connections.open"}
    opened_with = {c.token for c in slack_emulator.calls_to("apps.connections.open")}
    assert opened_with == {worker.app_token}


async def test_a_rejected_app_token_is_reported_without_showing_it(
    slack_emulator: SlackEmulator, bot_worker: StartWorker
) -> None:
    revoked = f"xapp-1-A0WHOSAID-1-{secrets.token_hex(16)}"  # well-formed, unknown to Slack
    worker = await bot_worker(app_token=revoked, extra_env={"LOG_LEVEL": "DEBUG"})
    # Retrying cannot fix a refused token: the worker says so and exits by itself, status 2.
    returncode = await asyncio.wait_for(worker.proc.wait(), timeout=20)
    output = worker.output()
    assert returncode == 2, output
    assert "Slack refused SLACK_APP_TOKEN (invalid_auth)" in output
    assert_no_secret(output, slack_emulator.bot_token, revoked)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("RESULTS", "many"),
        ("SLACK_API_URL", "ftp://slack.example/"),
        ("SOCKET_PING_SECONDS", "-1"),
        ("REPLY_RETRY_SECONDS", "forever"),
        ("LOG_LEVEL", "loud"),
        ("SLACK_APP_TOKEN", "xoxb-an-app-token-that-is-a-bot-token-9f8e7d"),
        ("SLACK_BOT_TOKEN", "xoxp-a-user-token-in-the-wrong-place-1a2b3c"),
    ],
)
def test_the_cli_with_an_invalid_setting_names_it_and_shows_no_secret(
    tmp_path: os.PathLike[str], variable: str, value: str
) -> None:
    bot_token = f"xoxb-1-2-{secrets.token_hex(12)}"
    app_token = f"xapp-1-A0-1-{secrets.token_hex(16)}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update(
        {
            "SLACK_BOT_TOKEN": bot_token,
            "SLACK_APP_TOKEN": app_token,
            "PYTHONPATH": str(REPO_ROOT),
            variable: value,
        }
    )
    run = subprocess.run(
        [sys.executable, "-m", "bot"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 2, output
    assert variable in output and "configuration error" in output
    assert_no_secret(output, bot_token, app_token, value if "TOKEN" in variable else "")


def test_settings_reprs_and_errors_hold_no_token() -> None:
    bot_token = f"xoxb-1-2-{secrets.token_hex(12)}"
    app_token = f"xapp-1-A0-1-{secrets.token_hex(16)}"
    settings = Settings(slack_bot_token=bot_token, slack_app_token=app_token)
    for shown in (
        repr(settings),
        str(settings),
        str(settings.model_dump()),
        settings.model_dump_json(),
    ):
        assert_no_secret(shown, bot_token, app_token)
    with pytest.raises(SettingsError) as caught:
        load_settings(slack_bot_token=bot_token, slack_app_token=app_token, results="x")
    assert_no_secret(str(caught.value), bot_token, app_token)
    with pytest.raises(SettingsError) as caught:
        Settings(slack_bot_token=app_token, slack_app_token=bot_token).require_slack_tokens()
    assert_no_secret(str(caught.value), bot_token, app_token)


def test_the_log_filter_redacts_tokens_in_messages_arguments_and_tracebacks() -> None:
    # slack_sdk already hides Authorization headers; this is the backstop for anything else.
    import io
    import logging

    from bot import logs

    bot_token = f"xoxb-1-2-{secrets.token_hex(12)}"
    odd_secret = secrets.token_hex(16)  # not token-shaped: redacted because it is configured
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    logs.configure("DEBUG", (bot_token, odd_secret))
    root.handlers[0].stream = stream  # type: ignore[attr-defined]
    try:
        log = logging.getLogger("test.secrets")
        log.debug("headers: %s", {"Authorization": f"Bearer {bot_token}"})
        log.info("a token-shaped string xapp-1-A0-123-abcdef and %s", odd_secret)
        try:
            raise RuntimeError(f"bad token {bot_token}")
        except RuntimeError:
            log.exception("failed")
    finally:
        root.handlers[:], root.level = saved
    out = stream.getvalue()
    assert "[redacted]" in out and "RuntimeError" in out
    assert_no_secret(out, bot_token, odd_secret, "xapp-1-A0-123-abcdef")
