"""WS-Discovery against camsim with python-wsdiscovery (the `wsdiscovery` package).

Run in the network namespace camsim serves in. Prints one JSON object:
  all      -- endpoint references found by a Probe for dn:NetworkVideoTransmitter
  xaddrs   -- their XAddrs, by endpoint reference
  scoped   -- those found by a Probe naming SCOPE (as answered, not filtered here)
  answer   -- what the first camera's device service said to GetSystemDateAndTime
  bye      -- whether the camera REMOVED_NAME said Bye after the config was replaced and
              PID sent SIGHUP (null when no --reload is given)

usage: ws_discovery.py EXPECTED SCOPE [--reload CONFIG REPLACEMENT PID REMOVED_NAME]
"""
import json
import os
import shutil
import signal
import sys
import time
import urllib.request

from wsdiscovery import QName, Scope
from wsdiscovery.discovery import ThreadedWSDiscovery

NVT = QName("http://www.onvif.org/ver10/network/wsdl", "NetworkVideoTransmitter", "dn")


def probe(wsd, scopes, expected, deadline_seconds):
    """Answers to one Probe, as received: the client's cache is emptied first."""
    wsd.clearRemoteServices()
    wsd._sendProbe([NVT], scopes)
    deadline = time.time() + deadline_seconds
    # APP_MAX_DELAY is 500 ms: wait for it and the repeats, longer only while answers are missing.
    time.sleep(1.5)
    while len(wsd._remoteServices) < expected and time.time() < deadline:
        time.sleep(0.1)
    return dict(wsd._remoteServices)


def main():
    expected, scope = int(sys.argv[1]), sys.argv[2]
    reload = sys.argv[4:8] if len(sys.argv) > 3 and sys.argv[3] == "--reload" else None
    wsd = ThreadedWSDiscovery()
    wsd.start()
    try:
        found = probe(wsd, None, expected, 10)
        scoped = probe(wsd, [Scope(scope)], 0, 3)
        first = sorted(found.values(), key=lambda s: s.getEPR())[0] if found else None
        answer = None
        if first is not None and first.getXAddrs():
            body = (
                '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>'
                '<GetSystemDateAndTime xmlns="http://www.onvif.org/ver10/device/wsdl"/></s:Body></s:Envelope>'
            ).encode()
            request = urllib.request.Request(
                first.getXAddrs()[0], data=body, headers={"Content-Type": "application/soap+xml"})
            with urllib.request.urlopen(request, timeout=10) as response:
                answer = response.read().decode()
        bye = None
        if reload:
            config, replacement, pid, removed_name = reload
            removed = [s.getEPR() for s in found.values()
                       if any(sc.getValue().endswith("/name/" + removed_name) for sc in s.getScopes())]
            gone = []
            wsd.setRemoteServiceByeCallback(lambda epr: gone.append(epr))
            shutil.copyfile(replacement, config)
            os.kill(int(pid), signal.SIGHUP)
            deadline = time.time() + 15
            while time.time() < deadline and not (removed and removed[0] in gone):
                time.sleep(0.1)
            bye = bool(removed) and removed[0] in gone
        print(json.dumps({
            "all": sorted(found.keys()),
            "xaddrs": {epr: s.getXAddrs() for epr, s in found.items()},
            "scoped": sorted(scoped.keys()),
            "answer": answer,
            "bye": bye,
        }))
    finally:
        wsd.stop()


if __name__ == "__main__":
    main()
