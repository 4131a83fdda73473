#!/usr/bin/env python3
"""Checks docker-compose.yml + docker-compose.prod.yml where no Docker engine or compose
plugin exists: merges them as compose does (mappings key by key, lists appended, `command`
and health-check tests replaced, `!reset` emptying), fills the `${VAR:-default}` values
from an empty environment, and asserts what the production guide and issue 12 promise.
Also checks that the compose files pass every setting the binaries read (the `env = "..."`
names in runtime/src/settings and worker/src/options.rs) to the api and the workers.

Usage: deploy/local/check-compose.py   (exit status 1 and one line per problem on failure)
"""

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
REPLACED_LISTS = {"command", "entrypoint", "test"}
# Settings the images or the compose files set on purpose instead of passing them through.
NOT_PASSED = {
    "HOST": "set in the api image",
    "PORT": "set in the api image",
    "STATIC_DIR": "nginx serves the web app",
    "DATABASE_URL": "the POSTGRES_* parts are passed, so a password needs no URL escaping",
    "POSTGRES_HOST": "set by compose (COMPOSE_POSTGRES_HOST), never a local run's value",
    "POSTGRES_PORT": "set by compose (COMPOSE_POSTGRES_PORT), never a local run's value",
    "REDIS_URL": "set by compose (COMPOSE_REDIS_URL), never a local run's value",
    "METRICS_ADDR": "set in the worker image (loopback, for the health check)",
    "WORKER_FAULT_INJECTION": "tests only; refused when DEBUG=false",
    "WORKER_SCHEDULER": "set per service: true only in the scheduler",
}
QUEUES = ["mail", "cache", "imports", "exports", "reallocations", "backups", "maintenance"]


class Reset:
    """compose's `!reset`: the overlay empties the base's value."""


class Loader(yaml.SafeLoader):
    pass


Loader.add_constructor("!reset", lambda loader, node: Reset())
Loader.add_constructor(
    "!override",
    lambda loader, node: ("!override", loader.construct_object(node, deep=True)),
)


def merge(base, overlay, key=None):
    if isinstance(overlay, Reset):
        return [] if isinstance(base, list) else None
    if isinstance(overlay, tuple) and overlay[0] == "!override":
        return overlay[1]
    if isinstance(base, dict) and isinstance(overlay, dict):
        merged = dict(base)
        for name, value in overlay.items():
            merged[name] = merge(base.get(name), value, name) if name in base else value
        return merged
    if isinstance(base, list) and isinstance(overlay, list) and key not in REPLACED_LISTS:
        return base + [item for item in overlay if item not in base]
    return overlay


VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-((?:[^{}]|\{[^{}]*\})*))?\}")


def interpolate(value):
    """`${VAR:-default}` from an empty environment (nested defaults too); `$$` is `$`."""
    if isinstance(value, dict):
        return {k: interpolate(v) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v) for v in value]
    if not isinstance(value, str):
        return value
    text = value.replace("$$", "\0")
    while True:
        replaced = VARIABLE.sub(lambda m: m.group(2) or "", text)
        if replaced == text:
            break
        text = replaced
    return text.replace("\0", "$")


def settings_read_by_binaries():
    names = set()
    sources = list((ROOT / "runtime/src/settings").glob("*.rs"))
    sources += [ROOT / "worker/src/options.rs", ROOT / "api/src/main.rs"]
    for source in sources:
        names |= set(re.findall(r'env = "([A-Z0-9_]+)"', source.read_text()))
    names |= {f"WORKER_CONCURRENCY_{queue.upper()}" for queue in QUEUES}
    return names


def pool_size(service):
    """The most PostgreSQL connections one process of the service opens: DB_MAX_CONNECTIONS
    (default 10), raised by a worker to two per concurrent job plus four."""
    environment = service["environment"]
    configured = int(environment.get("DB_MAX_CONNECTIONS") or 10)
    if "WORKER_SCHEDULER" not in environment:
        return configured
    queues = environment.get("WORKER_QUEUES") or "all"
    served = QUEUES if queues == "all" else queues.split(",")
    per_queue = int(environment.get("WORKER_CONCURRENCY") or 4)
    jobs = sum(int(environment.get(f"WORKER_CONCURRENCY_{q.upper()}") or per_queue) for q in served)
    return max(configured, 2 * jobs + 4)


def connection_budget(services, db_command):
    """Every replica's pool at its largest must fit in max_connections, with room left for
    backups, migrations and an operator's psql."""
    limit = int(re.search(r"max_connections=(\d+)", db_command).group(1))
    used = sum(
        pool_size(services[name]) * int(services[name].get("deploy", {}).get("replicas", 1))
        for name in ("api", "worker", "scheduler")
    )
    reserve = 20
    if used + reserve > limit:
        return [f"pools may open {used} connections; max_connections={limit} leaves under {reserve} spare"]
    return []


class Problems(list):
    def expect(self, condition, message):
        if not condition:
            self.append(message)


def check_exposure_and_hardening(dev, services, problems):
    """Development publishes PostgreSQL and Redis; production only nginx's 80 and 443, and
    every production container is hardened and restarts."""
    problems.expect(dev["services"]["db"].get("ports"), "development: PostgreSQL is not on the host")
    problems.expect(dev["services"]["redis"].get("ports"), "development: Redis is not on the host")
    for name, service in services.items():
        published = [str(port) for port in service.get("ports") or []]
        if name == "nginx":
            problems.expect(
                sorted(p.split(":")[0] for p in published) == ["443", "80"],
                f"production: nginx publishes {published}, not 80 and 443",
            )
        else:
            problems.expect(not published, f"production: {name} publishes {published}")
        problems.expect(service.get("read_only") is True, f"production: {name} has a writable root")
        problems.expect(
            any(str(t).startswith("/tmp") for t in service.get("tmpfs") or []),
            f"production: {name} has no /tmp tmpfs",
        )
        problems.expect(service.get("cap_drop") == ["ALL"], f"production: {name} keeps capabilities")
        wanted = "no" if name == "migrate" else "unless-stopped"
        problems.expect(service.get("restart") == wanted, f"production: {name} restart is not {wanted}")
        problems.expect(name == "migrate" or "healthcheck" in service, f"{name} has no health check")


def check_topology(services, problems):
    """Migrations once before the api; api and worker replicas; exactly one scheduler."""
    api = services["api"]
    problems.expect(
        api["depends_on"].get("migrate", {}).get("condition") == "service_completed_successfully",
        "the api does not wait for the migrate service",
    )
    problems.expect("/api/health" in " ".join(api["healthcheck"]["test"]),
                    "the api's health check is not /api/health")
    problems.expect(services["migrate"]["command"] == ["migrate"], "migrate does not run `wt-api migrate`")
    problems.expect(int(api["deploy"]["replicas"]) >= 2, "fewer than two api replicas")
    problems.expect(int(services["worker"]["deploy"]["replicas"]) >= 2, "fewer than two worker replicas")
    problems.expect(int(services["scheduler"]["deploy"]["replicas"]) == 1, "not exactly one scheduler")
    problems.expect(services["scheduler"]["environment"]["WORKER_SCHEDULER"] == "true",
                    "the scheduler does not schedule")
    problems.expect(services["worker"]["environment"]["WORKER_SCHEDULER"] == "false", "workers schedule too")
    for service in ("api", "migrate", "worker", "scheduler"):
        problems.expect(services[service]["environment"]["DEBUG"] == "false",
                        f"production: {service} has DEBUG on")


def check_data_services(services, problems):
    """PostgreSQL and Redis as the guide tunes them, and pools that fit PostgreSQL."""
    db_command = " ".join(services["db"]["command"])
    for setting in ("max_connections=200", "log_min_duration_statement=5s",
                    "shared_preload_libraries=pg_stat_statements"):
        problems.expect(setting in db_command, f"PostgreSQL lacks {setting}")
    problems.expect(any("/var/lib/postgresql/data" in v for v in services["db"]["volumes"]),
                    "PostgreSQL has no data volume")
    redis_command = " ".join(services["redis"]["command"])
    for setting in ("--requirepass", "--appendonly yes"):
        problems.expect(setting in redis_command, f"Redis lacks {setting}")
    problems.extend(connection_budget(services, db_command))


def check_settings_passed(services, problems):
    passed = set(services["worker"]["environment"]) | set(services["api"]["environment"])
    for name in sorted(settings_read_by_binaries() - passed - set(NOT_PASSED)):
        problems.append(f"the compose files do not pass {name} to the api and workers")


def main():
    base = yaml.load((ROOT / "docker-compose.yml").read_text(), Loader=Loader)
    overlay = yaml.load((ROOT / "docker-compose.prod.yml").read_text(), Loader=Loader)
    services = interpolate(merge(base, overlay))["services"]
    problems = Problems()
    check_exposure_and_hardening(interpolate(base), services, problems)
    check_topology(services, problems)
    check_data_services(services, problems)
    check_settings_passed(services, problems)
    for problem in problems:
        print(f"check-compose: {problem}")
    if problems:
        return 1
    print(f"check-compose: {len(services)} services; development and production overlays as promised")
    return 0


if __name__ == "__main__":
    sys.exit(main())
