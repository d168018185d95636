/**
 * The Python runtime of Stratus's execution environments: a bootstrap that uses only Python's
 * standard library, serving invocations through the Lambda Runtime API as AWS's Python runtime
 * interface client does. Written to the runtime directory at start-up and run with `python3 -u`.
 *
 * With `_STRATUS_SNAPSHOT` set it is a SnapStart template (src/runtime/snapstart.ts): it loads the
 * handler, runs the before-snapshot hooks, then serves forks. Requests come as JSON lines on
 * stdin, events (ready, init-error, forked, exit) leave as JSON lines on fd 3. A fork is made
 * ahead and waits for its request (the fork itself is off the restore's path). Each fork becomes
 * one execution environment: its own session, its stdout/stderr connected to the server's listener,
 * its own Runtime API address and variables; it runs the after-restore hooks, then asks for events.
 */
export const PYTHON_BOOTSTRAP = String.raw`
import http.client
import importlib
import json
import logging
import os
import sys
import time
import traceback

HOST = PORT = None
BASE = "/2018-06-01/runtime"
_conn = None
_request_id = None
# A restored environment sends how long its restore took (ms) with its first /next.
_restore_ms = None
# A template's control channel (stdin and fd 3 as the server opened them), moved off the standard
# descriptors before user code runs: it neither reads it as stdin nor passes it to subprocesses.
_ctl_in = _ctl_out = None


def _call(method, path, body=None, headers=None):
    global _conn, HOST, PORT
    if HOST is None:
        HOST, PORT = os.environ["AWS_LAMBDA_RUNTIME_API"].split(":")
    for attempt in range(2):
        if _conn is None:
            _conn = http.client.HTTPConnection(HOST, int(PORT))
        try:
            _conn.request(method, BASE + path, body=body, headers=headers or {})
            res = _conn.getresponse()
            data = res.read()
            return res.status, res, data
        except (http.client.HTTPException, ConnectionError, OSError):
            try:
                _conn.close()
            except Exception:
                pass
            _conn = None
            if attempt == 1:
                raise


class _Filter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = _request_id
        return True


def _setup_logging():
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n",
        "%Y-%m-%dT%H:%M:%S"))
    handler.formatter.converter = time.gmtime
    handler.addFilter(_Filter())
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    root.addHandler(handler)
    root.setLevel(logging.WARNING)


def _stack(tb):
    return traceback.format_list(traceback.extract_tb(tb))


def _error_doc(exc, request_id=None, error_type=None, message=None, stack=None):
    doc = {
        "errorMessage": message if message is not None else str(exc),
        "errorType": error_type or type(exc).__name__,
    }
    if request_id is not None:
        doc["requestId"] = request_id
    doc["stackTrace"] = stack if stack is not None else []
    return doc


def _log_error(doc):
    lines = ["[ERROR] %s: %s" % (doc["errorType"], doc["errorMessage"])]
    if doc.get("stackTrace"):
        lines.append("Traceback (most recent call last):")
        lines.extend(s.rstrip("\n") for s in doc["stackTrace"])
    sys.stdout.write("\r".join(lines) + "\n")


def _post_error(path, doc):
    body = json.dumps(doc).encode()
    _call("POST", path, body, {"Content-Type": "application/json",
                               "Lambda-Runtime-Function-Error-Type": doc["errorType"]})


def _load_handler():
    spec = os.environ.get("_HANDLER", "")
    root = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
    if root not in sys.path:
        sys.path.insert(0, root)
    try:
        modname, fn = spec.rsplit(".", 1)
    except ValueError:
        raise _InitError("Runtime.MalformedHandlerName", "Bad handler '%s': not enough values to unpack (expected 2, got 1)" % spec)
    modname = modname.replace("/", ".")
    try:
        mod = importlib.import_module(modname)
    except SyntaxError as e:
        raise _InitError("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (modname, e),
                         _stack(e.__traceback__))
    except ImportError as e:
        raise _InitError("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (modname, e))
    handler = getattr(mod, fn, None)
    if handler is None:
        raise _InitError("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (fn, modname))
    return handler


class _InitError(Exception):
    def __init__(self, error_type, message, stack=None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.stack = stack or []


class _Context(object):
    def __init__(self, request_id, deadline_ms, arn, identity, client_context):
        self.aws_request_id = request_id
        self.invoked_function_arn = arn
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = identity
        self.client_context = client_context
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline_ms - time.time() * 1000))


def _standby():
    # A pre-started process waits for the environment it will serve (see src/runtime/spare.ts).
    if not os.environ.get("_STRATUS_STANDBY"):
        return
    status, res, data = _call("GET", "/stratus/standby")
    assignment = json.loads(data)
    if "uid" in assignment:
        # Isolated: become the function's user before any of its code is loaded.
        for path in assignment.get("chown") or []:
            os.chown(path, assignment["uid"], assignment["gid"])
        os.setgroups([])
        os.setgid(assignment["gid"])
        os.setuid(assignment["uid"])
    os.environ.clear()
    os.environ.update(assignment["env"])
    os.chdir(assignment["cwd"])
    time.tzset()
    for p in reversed([p for p in os.environ.get("PYTHONPATH", "").split(":") if p]):
        if p not in sys.path:
            sys.path.insert(0, p)


def _init_error_doc(e):
    if isinstance(e, _InitError):
        return _error_doc(e, error_type=e.error_type, message=e.message, stack=e.stack)
    return _error_doc(e, stack=_stack(e.__traceback__))


def _ctl(doc):
    data = (json.dumps(doc) + "\n").encode()
    while data:
        data = data[os.write(_ctl_out, data):]


# The fork waiting for the next environment (pid, pipe to send it its request), see _park.
_parked = None


def _reap():
    # Exits of forked environments, reported to the server (it does not see them as its children).
    global _parked
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        if _parked and _parked[0] == pid:
            os.close(_parked[1])
            _parked = None
        if os.WIFSIGNALED(status):
            _ctl({"event": "exit", "pid": pid, "code": None, "signal": os.WTERMSIG(status)})
        else:
            _ctl({"event": "exit", "pid": pid, "code": os.WEXITSTATUS(status), "signal": None})


def _park(wake):
    """Forks ahead: the fork waits on a pipe for its environment's request, so a restore does not
    wait for the fork itself. Returns the request in the fork, None in the template."""
    global _parked
    import signal
    sys.stdout.flush()
    sys.stderr.flush()
    r, w = os.pipe()
    pid = os.fork()
    if pid:
        os.close(r)
        _parked = (pid, w)
        return None
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    for fd in (w, wake[0], wake[1], _ctl_in, _ctl_out):
        os.close(fd)
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(r, 65536)
        if not chunk:
            # The template is gone (or stopping): nothing to become.
            os._exit(0)
        data += chunk
    os.close(r)
    return json.loads(data)


def _serve_forks():
    """The template's loop: hands requests to parked forks, reports exits; returns the request in a fork."""
    global _parked
    import select
    import signal
    wake = os.pipe()
    os.set_blocking(wake[0], False)
    os.set_blocking(wake[1], False)
    signal.set_wakeup_fd(wake[1])
    signal.signal(signal.SIGCHLD, lambda signum, frame: None)
    pending = b""
    while True:
        if _parked is None:
            req = _park(wake)
            if req is not None:
                return req
        ready, _, _ = select.select([_ctl_in, wake[0]], [], [])
        if wake[0] in ready:
            try:
                while os.read(wake[0], 512):
                    pass
            except BlockingIOError:
                pass
            _reap()
        if _ctl_in not in ready:
            continue
        chunk = os.read(_ctl_in, 65536)
        if not chunk:
            # The server closed the channel: the template is no longer wanted.
            os._exit(0)
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            while True:
                if _parked is None:
                    req = _park(wake)
                    if req is not None:
                        return req
                pid, w = _parked
                _parked = None
                try:
                    os.write(w, line + b"\n")
                    break
                except OSError:
                    # That fork died waiting: another one takes the request.
                    continue
                finally:
                    os.close(w)
            _ctl({"event": "forked", "id": json.loads(line)["id"], "pid": pid})


def _restore(req):
    """In a fork: becomes the environment the request describes."""
    import socket
    global HOST, PORT, _conn
    started = time.monotonic()
    os.setsid()
    host, port = req["stdio"].split(":")
    for fd, stream in ((1, "1"), (2, "2")):
        s = socket.create_connection((host, int(port)))
        s.sendall(("%s %s\n" % (req["id"], stream)).encode())
        os.dup2(s.fileno(), fd)
        s.close()
    os.environ.clear()
    os.environ.update(req["env"])
    # The template already sends AWS host names to Stratus (_redirect_aws_hosts).
    os.environ.pop("_STRATUS_ENDPOINT", None)
    os.chdir(req["cwd"])
    time.tzset()
    HOST = PORT = _conn = None
    return started


def _snapshot(handler):
    """Template: before-snapshot hooks (last registered first), then forks; returns in a fork."""
    global _restore_ms
    import snapshot_restore_py
    try:
        hooks = snapshot_restore_py.get_before_snapshot()
        while hooks:
            func, args, kwargs = hooks.pop()
            func(*args, **kwargs)
    except Exception as e:
        doc = _init_error_doc(e)
        _log_error(doc)
        _ctl({"event": "init-error", "doc": doc})
        sys.exit(1)
    sys.stdout.flush()
    sys.stderr.flush()
    _ctl({"event": "ready"})
    # Loaded once here rather than in every fork: socket.getaddrinfo's idna codec (tens of ms).
    "127.0.0.1".encode("idna")
    # What init built is frozen out of the collector: forks do not copy those pages by scanning them.
    import gc
    gc.collect()
    gc.freeze()
    req = _serve_forks()
    started = _restore(req)
    try:
        for func, args, kwargs in snapshot_restore_py.get_after_restore():
            func(*args, **kwargs)
    except Exception as e:
        doc = _init_error_doc(e)
        _log_error(doc)
        _post_error("/init/error", doc)
        sys.exit(1)
    _restore_ms = (time.monotonic() - started) * 1000


def _redirect_aws_hosts():
    # Requests botocore sends to AWS host names (*.amazonaws.com, *.on.aws) or to Stratus's local
    # host forms go to the Stratus server, keeping the Host header they were signed with: so boto3
    # reaches Stratus with no endpoint in the function's code, even a boto3 that ignores
    # AWS_ENDPOINT_URL, and an explicit endpoint_url="https://..." too. botocore is patched when
    # (and if) it is first imported, so functions that do not use it pay nothing.
    endpoint = os.environ.pop("_STRATUS_ENDPOINT", "")
    if not endpoint:
        return
    import importlib.abc
    import importlib.machinery
    import re
    from urllib.parse import urlsplit, urlunsplit
    target = urlsplit(endpoint)
    aws = re.compile(r"(^|\.)(amazonaws\.com(\.cn)?|on\.aws|api\.aws)$", re.I)
    local = re.compile(r"\.(localhost|localhost\.localstack\.cloud)$", re.I)

    def for_stratus(host, port):
        if aws.search(host):
            return True
        return bool(local.search(host)) and port in (None, 80, 443, target.port or 80)

    def patch(module):
        original = module.URLLib3Session.send

        def send(self, request):
            parts = urlsplit(request.url)
            if not for_stratus(parts.hostname or "", parts.port):
                return original(self, request)
            url = request.url
            if "Host" not in request.headers:
                request.headers["Host"] = parts.netloc
            request.url = urlunsplit(("http", target.netloc, parts.path or "/", parts.query, ""))
            try:
                return original(self, request)
            finally:
                request.url = url
        module.URLLib3Session.send = send

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name != "botocore.httpsession":
                return None
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            if spec is None or spec.loader is None:
                return spec
            exec_module = spec.loader.exec_module

            def exec_and_patch(module):
                exec_module(module)
                patch(module)
            spec.loader.exec_module = exec_and_patch
            return spec
    sys.meta_path.insert(0, Finder())


def main():
    global _request_id, _restore_ms, _ctl_in, _ctl_out
    template = os.environ.pop("_STRATUS_SNAPSHOT", None) is not None
    if template:
        _ctl_in = os.dup(0)
        _ctl_out = os.dup(3)
        os.close(3)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
    _standby()
    _redirect_aws_hosts()
    _setup_logging()
    try:
        handler = _load_handler()
    except Exception as e:
        doc = _init_error_doc(e)
        _log_error(doc)
        if template:
            _ctl({"event": "init-error", "doc": doc})
        else:
            _post_error("/init/error", doc)
        sys.exit(1)
    if template:
        _snapshot(handler)
    while True:
        headers = None
        if _restore_ms is not None:
            headers = {"Lambda-Runtime-Stratus-Restore-Ms": "%.3f" % _restore_ms}
            _restore_ms = None
        status, res, data = _call("GET", "/invocation/next", headers=headers)
        request_id = res.getheader("Lambda-Runtime-Aws-Request-Id")
        _request_id = request_id
        trace = res.getheader("Lambda-Runtime-Trace-Id")
        if trace:
            os.environ["_X_AMZN_TRACE_ID"] = trace
        def parse(v):
            if not v:
                return None
            try:
                return json.loads(v)
            except ValueError:
                return None
        ctx = _Context(request_id, int(res.getheader("Lambda-Runtime-Deadline-Ms") or 0),
                       res.getheader("Lambda-Runtime-Invoked-Function-Arn"),
                       parse(res.getheader("Lambda-Runtime-Cognito-Identity")),
                       parse(res.getheader("Lambda-Runtime-Client-Context")))
        try:
            event = json.loads(data) if data else {}
        except ValueError as e:
            doc = _error_doc(e, request_id, "Runtime.UnmarshalError", "Unable to unmarshal input: %s" % e)
            _log_error(doc)
            _post_error("/invocation/%s/error" % request_id, doc)
            continue
        try:
            result = handler(event, ctx)
        except Exception as e:
            tb = _stack(e.__traceback__)[1:]
            doc = _error_doc(e, request_id, stack=tb)
            _log_error(doc)
            _post_error("/invocation/%s/error" % request_id, doc)
            continue
        try:
            body = json.dumps(result).encode()
        except Exception as e:
            doc = _error_doc(e, request_id, "Runtime.MarshalError", "Unable to marshal response: %s" % e)
            _log_error(doc)
            _post_error("/invocation/%s/error" % request_id, doc)
            continue
        _call("POST", "/invocation/%s/response" % request_id, body, {"Content-Type": "application/json"})


if __name__ == "__main__":
    try:
        main()
    except (ConnectionError, OSError, http.client.HTTPException) as e:
        sys.stderr.write("runtime stopped: %s\n" % e)
        sys.exit(1)
`;

/**
 * The `snapshot_restore_py` module AWS's Python runtimes include (SnapStart runtime hooks), with
 * the same functions: decorators or calls that register hooks, and the lists the runtime runs.
 */
export const SNAPSHOT_RESTORE_PY = String.raw`
"""SnapStart runtime hooks: register_before_snapshot and register_after_restore."""

_before_snapshot = []
_after_restore = []


def register_before_snapshot(func, *args, **kwargs):
    """Runs func(*args, **kwargs) before the snapshot is taken (last registered runs first)."""
    _before_snapshot.append((func, args, kwargs))
    return func


def register_after_restore(func, *args, **kwargs):
    """Runs func(*args, **kwargs) in each environment restored from the snapshot (in order)."""
    _after_restore.append((func, args, kwargs))
    return func


def get_before_snapshot():
    return _before_snapshot


def get_after_restore():
    return _after_restore
`;
