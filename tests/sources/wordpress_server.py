"""A real WordPress (Debian's `wordpress` package) on 127.0.0.1, for tests and the benchmark.

MariaDB runs from its own config file in a temporary folder (socket only, no grant tables:
nothing but this process can reach it), PHP's built-in server serves /usr/share/wordpress
through a router, and an install script creates the site, the pretty permalinks the REST API
and the feed need, and an application password for the REST calls that make posts.
Everything started here is stopped by its process group (PHP forks its workers).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WORDPRESS = Path("/usr/share/wordpress")
CONFIG_DIR = Path("/etc/wordpress")
NEEDED = ("mariadbd", "mariadb-install-db", "mariadb", "php")


class Unavailable(RuntimeError):
    """WordPress cannot be started here (packages missing, a server that will not come up)."""


def missing_parts() -> list[str]:
    """What this machine lacks to run the real WordPress ([] when nothing)."""
    missing = [name for name in NEEDED if shutil.which(name) is None]
    if not (WORDPRESS / "wp-load.php").exists():
        missing.append("wordpress")
    if not CONFIG_DIR.is_dir() or not os.access(CONFIG_DIR, os.W_OK):
        missing.append(f"write access to {CONFIG_DIR}")
    return missing


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


_ROUTER = """<?php
$_SERVER['WORDPRESS_CONFIG'] = '%(config)s';
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = realpath('/usr/share/wordpress' . $path);
if ($file !== false && is_file($file) && substr($file, -4) !== '.php') {
    return false;
}
if ($file !== false && is_file($file)) {
    $_SERVER['SCRIPT_NAME'] = $path;
    $_SERVER['SCRIPT_FILENAME'] = $file;
    $_SERVER['PHP_SELF'] = $path;
    chdir(dirname($file));
    require $file;
    return true;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = '/usr/share/wordpress/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
chdir('/usr/share/wordpress');
require '/usr/share/wordpress/index.php';
"""

_CONFIG = """<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:%(socket)s');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', '%(base)s');
define('WP_SITEURL', '%(base)s');
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', false);
$table_prefix = 'wp_';
"""

_INSTALL = """<?php
$_SERVER['WORDPRESS_CONFIG'] = '%(config)s';
$_SERVER['HTTP_HOST'] = '127.0.0.1:%(port)d';
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
function wp_mail() { return true; }  // no mail from a test install
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
// wp_install() probes the site over HTTP for pretty permalinks: no network from here.
add_filter('pre_http_request', function () { return new WP_Error('blocked', 'offline'); });
wp_install('Whosaid Test Gazette', 'editor', 'editor@example.test', true, '', 'not-a-real-pass');
update_option('permalink_structure', '/%%year%%/%%monthnum%%/%%postname%%/');
update_option('posts_per_rss', 20);
update_option('rss_use_excerpt', 0);
wp_update_user(['ID' => 1, 'display_name' => 'Dana Whitfield']);
$made = WP_Application_Passwords::create_new_application_password(1, ['name' => 'tests']);
echo json_encode(['password' => $made[0]]);
"""

_MARIADB = """[mysqld]
user=root
datadir=%(dir)s/data
socket=%(socket)s
pid-file=%(dir)s/mariadb.pid
log-error=%(dir)s/mariadb.err
skip-networking
skip-grant-tables
skip-log-bin
innodb_buffer_pool_size=128M
innodb_flush_log_at_trx_commit=0
innodb_doublewrite=0
[client]
socket=%(socket)s
user=root
"""


@dataclass
class WordPress:
    """A running WordPress: its base URL, an application password, and how to stop it."""

    base: str
    port: int
    user: str
    app_password: str
    workdir: Path
    config_file: Path
    socket_path: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def _auth(self) -> str:
        raw = f"{self.user}:{self.app_password}".encode()
        return "Basic " + base64.b64encode(raw).decode()

    def rest(self, method: str, route: str, body: dict[str, Any] | None = None) -> Any:
        """Call the REST API as the editor (through WordPress itself, as a newsroom would)."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"{self.base}/wp-json/wp/v2/{route.lstrip('/')}", data=data, method=method
        )
        request.add_header("Authorization", self._auth())
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def create_post(self, title: str, content: str, status: str = "publish") -> dict[str, Any]:
        """A new post, published unless `status` says otherwise."""
        return dict(
            self.rest("POST", "posts", {"title": title, "content": content, "status": status})
        )

    def update_post(self, post_id: int, **fields: Any) -> dict[str, Any]:
        """Edit a post (title, content, status ...)."""
        return dict(self.rest("POST", f"posts/{post_id}", fields))

    def delete_post(self, post_id: int, force: bool = True) -> None:
        """Delete a post (force) or move it to the trash."""
        self.rest("DELETE", f"posts/{post_id}?force={'true' if force else 'false'}")

    def sql(self, statements: str) -> str:
        """Run SQL against the site's database (used to create many posts quickly)."""
        done = subprocess.run(
            [
                "mariadb",
                f"--socket={self.socket_path}",
                "--default-character-set=utf8mb4",
                "-uroot",
                "-N",
                "wordpress",
            ],
            input=statements.encode(),
            capture_output=True,
            timeout=600,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(done.stderr.decode(errors="replace")[-500:])
        return done.stdout.decode()

    def stop(self) -> None:
        """Stop PHP and MariaDB (by pid), remove the config file and the data."""
        for process in reversed(self.processes):
            # Each server runs in its own process group: PHP's forked workers go with it.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        self.config_file.unlink(missing_ok=True)
        shutil.rmtree(self.workdir, ignore_errors=True)


def _wait_for(check: Any, seconds: float, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    tail = log.read_text(errors="replace")[-800:] if log and log.exists() else ""
    raise Unavailable(f"{what} did not come up within {seconds:.0f} s {tail}")


def start() -> WordPress:
    """Start MariaDB and WordPress on a free port; raises Unavailable with the cause."""
    missing = missing_parts()
    if missing:
        raise Unavailable("missing: " + ", ".join(missing))
    # The socket path must stay under ~107 characters: a short folder under /tmp.
    workdir = Path(tempfile.mkdtemp(prefix="wsw-", dir="/tmp"))
    port = _free_port()
    name = f"whosaid-{port}"
    sock = workdir / "db.sock"
    cnf = workdir / "my.cnf"
    cnf.write_text(_MARIADB % {"dir": workdir, "socket": sock})
    config_file = CONFIG_DIR / f"config-{name}.php"
    base = f"http://127.0.0.1:{port}"
    site = WordPress(base, port, "editor", "", workdir, config_file, sock)
    try:
        subprocess.run(
            ["mariadb-install-db", f"--defaults-file={cnf}", "--skip-test-db"],
            capture_output=True,
            check=True,
            timeout=120,
        )
        db = subprocess.Popen(
            ["mariadbd", f"--defaults-file={cnf}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        site.processes.append(db)
        _wait_for(sock.exists, 60, "MariaDB", workdir / "mariadb.err")
        _wait_for(
            lambda: (
                subprocess.run(
                    [
                        "mariadb",
                        f"--socket={sock}",
                        "-uroot",
                        "-e",
                        "CREATE DATABASE wordpress CHARACTER SET utf8mb4",
                    ],
                    capture_output=True,
                    check=False,
                ).returncode
                == 0
            ),
            30,
            "the database",
        )
        config_file.write_text(_CONFIG % {"socket": sock, "base": base})
        (workdir / "router.php").write_text(_ROUTER % {"config": name})
        (workdir / "install.php").write_text(_INSTALL % {"config": name, "port": port})
        installed = subprocess.run(
            ["php", str(workdir / "install.php")], capture_output=True, check=False, timeout=120
        )
        out = installed.stdout.decode(errors="replace")
        if installed.returncode or '"password"' not in out:
            raise Unavailable(
                "WordPress install failed: " + (out + installed.stderr.decode())[-800:]
            )
        site.app_password = json.loads(out[out.index("{") :])["password"]
        env = {**os.environ, "PHP_CLI_SERVER_WORKERS": "4"}
        php = subprocess.Popen(
            ["php", "-S", f"127.0.0.1:{port}", "-t", str(WORDPRESS), str(workdir / "router.php")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
        site.processes.append(php)
        _wait_for(lambda: _answers(f"{base}/wp-json/"), 60, "PHP's server")
    except (Unavailable, subprocess.SubprocessError, OSError) as exc:
        site.stop()
        if isinstance(exc, Unavailable):
            raise
        raise Unavailable(f"{type(exc).__name__}: {exc}") from exc
    return site


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


if __name__ == "__main__":  # a manual check: start, print the base URL, wait for Ctrl-C
    wp = start()
    print(wp.base, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        wp.stop()
