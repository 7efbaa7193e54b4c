"""A multicast viewer that keeps its session alive with RTCP receiver reports alone.

SETUP (Transport: RTP/AVP;multicast) and PLAY on one RTSP connection, then send a
receiver report (RFC 3550 section 6.4.2) to the group's RTCP port every half second
for REPORT_SECONDS, and no RTSP keepalive. Then stay connected, silent, for
HOLD_SECONDS, and send GET_PARAMETER on the session. Prints one line per step:
  playing SESSION GROUP RTCP_PORT
  reports N
  after STATUS
Usage: multicast_report_keepalive.py HOST PORT PATH REPORT_SECONDS HOLD_SECONDS
"""
import random
import socket
import struct
import sys
import time


def request(connection, method, url, cseq, headers=()):
    lines = [f"{method} {url} RTSP/1.0", f"CSeq: {cseq}"] + [f"{k}: {v}" for k, v in headers]
    connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    reply = b""
    while b"\r\n\r\n" not in reply:
        chunk = connection.recv(4096)
        if not chunk:
            raise SystemExit(f"connection closed after {method}")
        reply += chunk
    head, _, _ = reply.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    fields = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), fields


def main():
    host, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    report_seconds, hold_seconds = float(sys.argv[4]), float(sys.argv[5])
    url = f"rtsp://{host}:{port}/{path}"
    connection = socket.create_connection((host, port), timeout=30)
    status, fields = request(connection, "SETUP", url + "/trackID=0", 1, [("Transport", "RTP/AVP;multicast")])
    if status != 200:
        raise SystemExit(f"SETUP {status}")
    session = fields["session"].split(";")[0]
    transport = dict(
        part.split("=", 1) for part in fields["transport"].split(";") if "=" in part)
    group = transport["destination"]
    rtcp_port = int(transport["port"].split("-")[1])
    status, _ = request(connection, "PLAY", url, 2, [("Session", session), ("Range", "npt=0.000-")])
    if status != 200:
        raise SystemExit(f"PLAY {status}")
    print(f"playing {session} {group} {rtcp_port}", flush=True)

    # RFC 3550 section 6.4.2: V=2, RC=0, PT=201 (RR), length 1 (in 32-bit words, minus one), SSRC.
    report = struct.pack("!BBHI", 0x80, 201, 1, random.getrandbits(32))
    sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sender.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
    sent = 0
    deadline = time.monotonic() + report_seconds
    while time.monotonic() < deadline:
        sender.sendto(report, (group, rtcp_port))
        sent += 1
        time.sleep(0.5)
    print(f"reports {sent}", flush=True)

    time.sleep(hold_seconds)
    status, _ = request(connection, "GET_PARAMETER", url, 3, [("Session", session)])
    print(f"after {status}", flush=True)


if __name__ == "__main__":
    main()
