#!/usr/bin/env python3
"""flood.py - connection floods against "hoso serve" for t-flood.sh.

  flood.py spread PORT IDLE SLOW     IDLE silent and SLOW slow-loris
      connections (a header byte every 2 s) from 127.0.0.10, .11, ... (30 an
      address), then a normal request from 127.0.0.2; prints "key value" lines.
  flood.py one PORT N                N connections from 127.0.0.3 alone.
  flood.py busy PORT N               N silent connections spread over
      addresses, then a request from 127.0.0.2 (its status, Retry-After, body).
  flood.py loris PORT                one slow-loris from 127.0.0.4: when closed.
"""
import http.client
import socket
import sys
import threading
import time


def open_from(port, addr):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((addr, 0))
    s.connect(("127.0.0.1", port))
    return s


def spread(n, first=10, per=30):
    return ["127.0.0.%d" % (first + i // per) for i in range(n)]


def is_open(s):
    """The server has not closed s (no EOF, no reset pending)."""
    s.setblocking(False)
    try:
        return s.recv(1, socket.MSG_PEEK) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        s.setblocking(True)


def request(port, addr="127.0.0.2", path="/api/health", timeout=30):
    t = time.monotonic()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout,
                                   source_address=(addr, 0))
    try:
        c.request("GET", path)
        r = c.getresponse()
        body = r.read().decode()
        return r.status, time.monotonic() - t, r.getheader("Retry-After"), body
    except OSError as e:
        return 0, time.monotonic() - t, None, repr(e)
    finally:
        c.close()


def trickle(socks, stop):
    """Send one more header byte on each slow socket every 2 s."""
    while not stop.wait(2):
        for s in socks:
            try:
                s.send(b"x")
            except OSError:
                pass


def cmd_spread(port, idle, slow):
    t0 = time.monotonic()
    addrs = spread(idle + slow)
    held = [open_from(port, a) for a in addrs[:idle]]
    slows = [open_from(port, a) for a in addrs[idle:]]
    for s in slows:
        s.send(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    stop = threading.Event()
    th = threading.Thread(target=trickle, args=(slows, stop), daemon=True)
    th.start()
    print("opened_s %.2f" % (time.monotonic() - t0))
    time.sleep(0.5)
    print("held_before %d" % sum(is_open(s) for s in held + slows))
    status, took, _, body = request(port)
    print("status %d" % status)
    print("took_s %.3f" % took)
    print("held_after %d" % sum(is_open(s) for s in held + slows))
    # The slow-loris ones keep sending: only the header deadline closes them.
    t1 = time.monotonic()
    while time.monotonic() - t1 < 60 and any(is_open(s) for s in slows):
        time.sleep(0.2)
    print("slow_open %d" % sum(is_open(s) for s in slows))
    print("slow_closed_after_s %.1f" % (time.monotonic() - t0))
    stop.set()
    for s in held + slows:
        s.close()


def cmd_one(port, n):
    socks = [open_from(port, "127.0.0.3") for _ in range(n)]
    time.sleep(1.5)
    print("open %d" % sum(is_open(s) for s in socks))
    status, _, _, body = request(port, "127.0.0.3", timeout=5)
    print("same_address_status %d" % status)
    status, took, _, _ = request(port)
    print("other_status %d" % status)
    print("other_took_s %.3f" % took)
    for s in socks:
        s.close()


def cmd_busy(port, n):
    socks = [open_from(port, a) for a in spread(n, 100, 20)]
    time.sleep(0.5)
    status, _, retry, body = request(port)
    print("status %d" % status)
    print("retry_after %s" % retry)
    print("body %s" % body)
    for s in socks:
        s.close()
    time.sleep(1)
    status, _, _, _ = request(port)
    print("after_status %d" % status)


def cmd_loris(port):
    s = open_from(port, "127.0.0.4")
    s.send(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    t = time.monotonic()
    while time.monotonic() - t < 60:
        try:
            s.send(b"x")
        except OSError:
            break
        time.sleep(1)
        if not is_open(s):
            break
    print("closed_after_s %.1f" % (time.monotonic() - t))


if __name__ == "__main__":
    cmd, port = sys.argv[1], int(sys.argv[2])
    args = [int(a) for a in sys.argv[3:]]
    {"spread": cmd_spread, "one": cmd_one, "busy": cmd_busy, "loris": cmd_loris}[cmd](port, *args)
