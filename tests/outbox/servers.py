"""Servers of the fault tests' own: a Redis on its own port, a small SMTP server that can refuse or
stall, and a Celery worker process. Each test starts and stops only these."""

import email
import os
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.parallel import own_port

ROOT = Path(__file__).resolve().parents[2]
REDIS_PORT = own_port(6391)
SMTP_PORT = own_port(2526)


def wait_for_port(port: int, *, up: bool = True, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                if up:
                    return
        except OSError:
            if not up:
                return
        time.sleep(0.1)
    raise TimeoutError(f"port {port} did not come {'up' if up else 'down'}")


class RedisServer:
    def __init__(self, port: int = REDIS_PORT):
        self.port, self.proc = port, None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is needed (scripts/system-deps)"
        self.proc = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self.proc = None
        wait_for_port(self.port, up=False)


class _SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        server = self.server.owner
        server.connections += 1
        if server.mode == "refuse":
            self.reply("421 test server refusing")
            return
        self.reply("220 test ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.decode(errors="replace").strip().split(" ")[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 test")
            elif verb == "MAIL":
                if server.mode == "reject":
                    self.reply("451 try again later")
                else:
                    self.reply("250 ok")
            elif verb in ("RCPT", "RSET", "NOOP"):
                self.reply("250 ok")
            elif verb == "DATA":
                self.reply("354 go ahead")
                data = b""
                while not data.endswith(b"\r\n.\r\n"):
                    chunk = self.rfile.readline()
                    if not chunk:
                        return
                    data += chunk
                if server.mode == "stall":
                    # Hold the message without accepting it: the sender never hears 250.
                    server.stalled.set()
                    server.release.wait(60)
                    return
                if server.delay:
                    time.sleep(server.delay)
                server.received.append(email.message_from_bytes(data[:-5]))
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 unknown")


class _TCPServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


class SMTPServer:
    """mode: "accept", "refuse" (421 at greeting), "reject" (451 at MAIL), "stall" (never answers DATA)."""

    def __init__(self, port: int = SMTP_PORT):
        self.port = port
        self.mode = "accept"
        self.delay = 0.0
        self.received: list = []
        self.connections = 0
        self.stalled = threading.Event()
        self.release = threading.Event()
        self._server = None

    def start(self) -> None:
        self._server = _TCPServer(("127.0.0.1", self.port), _SMTPHandler)
        self._server.owner = self
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.release.set()
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    def message_ids(self) -> list[str]:
        return [m["Message-ID"] for m in self.received]

    def mailers(self) -> dict:
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": self.port, "timeout": 5},
            }
        }


class Worker:
    """A real Celery worker process (prefork, one child) on the test's Redis and SMTP server."""

    def __init__(self, *, database_name: str, redis: RedisServer, smtp: SMTPServer, lease_seconds: int = 4):
        inherited = {k: v for k, v in os.environ.items() if k != "PYTEST_XDIST_WORKER"}
        self.env = {
            **inherited,
            "ETHICS_TESTING": "1",
            "DJANGO_SETTINGS_MODULE": "ethics_office.settings",
            "DATABASE_URL": f"postgresql://postgres@127.0.0.1:5432/{database_name}",
            "REDIS_URL": redis.url,
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port),
            "EMAIL_TIMEOUT": "30",
            "OUTBOX_LEASE_SECONDS": str(lease_seconds),
            "OUTBOX_RETRY_BASE_SECONDS": "1",
        }
        self.proc = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "ethics_office",
                "worker",
                "--pool=prefork",
                "--concurrency=1",
                "--without-mingle",
                "--without-gossip",
                "--without-heartbeat",
                "-l",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def children(self) -> list[int]:
        out = subprocess.run(["pgrep", "-P", str(self.proc.pid)], capture_output=True, text=True).stdout
        return [int(p) for p in out.split()]

    def kill_pool_process(self) -> None:
        for pid in self.children():
            os.kill(pid, signal.SIGKILL)

    def kill(self) -> None:
        """SIGKILL the worker and its pool process: no warm shutdown, nothing acknowledged."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()


def wait_until(condition, timeout: float = 30, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()
