"""ONVIF events against camsim with onvif-zeep (PyPI), which ships ONVIF's WSDLs.

Usage: onvif_events.py HOST PORT USER PASSWORD CAMERA

Opens pull points on http://HOST:PORT/onvif/CAMERA/events_service the way an NVR does and
prints one JSON object:
- motion: a Motion filter's pull point, pulled until IsMotion goes true and then false
  (each Changed message with the seconds since the subscription), then Renew, a
  synchronization point (the state again, Initialized), Unsubscribe and the fault a pull
  after it gets;
- input: digital input 1 set through the control API, and what a DigitalInput pull point
  then receives;
- tamper: a frozen picture set through the control API, and what a GlobalSceneChange pull
  point then receives.
Every WSDL and schema is read from the package's files: a fetch from the network fails the run.
"""
import json
import os
import sys
import time
import urllib.request

import zeep
from lxml import etree
from zeep.plugins import HistoryPlugin

import onvif_offline  # noqa: E402  (before onvif: WSDLs and schemas from the package only)
from onvif import ONVIFCamera, ONVIFError, ONVIFService  # noqa: E402

WSDL_DIR = onvif_offline.WSDL_DIR
EVENTS_NS = "http://www.onvif.org/ver10/events/wsdl"
TT = "{http://www.onvif.org/ver10/schema}"
CONCRETE_SET = "http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet"


class Events:
    """One camera's event service through onvif-zeep."""

    def __init__(self, host, port, user, password, camera):
        self.base = "http://%s:%d" % (host, port)
        self.user, self.password = user, password
        self.camera = ONVIFCamera(host, port, user, password, wsdl_dir=WSDL_DIR, no_cache=True)
        self.camera.xaddrs[EVENTS_NS] = "%s/onvif/%s/events_service" % (self.base, camera)
        self.path = camera
        self.events = self.camera.create_events_service()

    def subscribe(self, topic):
        """A pull point for `topic`: its PullPointSubscription service (as onvif-zeep makes
        it, from the SubscriptionReference's address) and its subscription manager."""
        response = self.events.CreatePullPointSubscription(
            {"InitialTerminationTime": "PT60S", "Filter": {"_value_1": self._topic_expression(topic)}})
        address = response.SubscriptionReference.Address._value_1
        self.camera.xaddrs[EVENTS_NS + "/PullPointSubscription"] = address
        pullpoint = self.camera.create_pullpoint_service()
        pullpoint.history = HistoryPlugin()
        pullpoint.zeep_client.plugins.append(pullpoint.history)
        manager = ONVIFService(
            address, self.user, self.password, os.path.join(WSDL_DIR, "events.wsdl"),
            binding_name="{%s}SubscriptionManagerBinding" % EVENTS_NS, no_cache=True)
        return response, pullpoint, manager

    @staticmethod
    def _topic_expression(topic):
        """`wsnt:TopicExpression` in the ConcreteSet dialect, with `tns1` bound: the filter's
        content is xs:any, so the element is given as it goes on the wire."""
        element = etree.Element("{http://docs.oasis-open.org/wsn/b-2}TopicExpression", Dialect=CONCRETE_SET,
                                nsmap={"tns1": "http://www.onvif.org/ver10/topics"})
        element.text = topic
        return [element]

    def post(self, path, body):
        request = urllib.request.Request(
            self.base + path, data=json.dumps(body).encode(), method="POST" if "inputs" in path else "PUT",
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status


def _simple_items(message, part):
    """The Name/Value pairs of the tt:Message's Source or Data, whether zeep parsed the
    message (tt:Message is in its schemas) or left it as an lxml element."""
    if hasattr(message, "iter"):
        return {item.get("Name"): item.get("Value") for item in message.iter(TT + "SimpleItem")
                if item.getparent().tag == TT + part}
    group = getattr(message, part, None)
    return {item.Name: item.Value for item in (group.SimpleItem if group is not None else [])}


def _attribute(message, name):
    return message.get(name) if hasattr(message, "get") and hasattr(message, "iter") else getattr(message, name, None)


def messages(pullpoint, timeout="PT2S", limit=10):
    """The pulled messages as dicts: topic, operation, source and data simple items."""
    response = pullpoint.PullMessages({"Timeout": timeout, "MessageLimit": limit})
    # zeep drops the text of wsnt:Topic (mixed content): read it from the envelope received.
    envelope = pullpoint.history.last_received["envelope"]
    topics = [element.text or "" for element in envelope.iter("{http://docs.oasis-open.org/wsn/b-2}Topic")]
    out = []
    for notification, topic in zip(response.NotificationMessage or [], topics):
        message = notification.Message._value_1
        out.append({
            "topic": topic.strip(),
            "dialect": notification.Topic.Dialect,
            "operation": str(_attribute(message, "PropertyOperation")),
            "utc": str(_attribute(message, "UtcTime")),
            "source": _simple_items(message, "Source"),
            "data": _simple_items(message, "Data"),
        })
    return out


def fault_text(call):
    try:
        call()
        return "accepted"
    except (ONVIFError, zeep.exceptions.Fault) as error:
        return str(error)


def until(pullpoint, predicate, seconds):
    """Pulls until a message satisfies `predicate` or `seconds` pass: every message seen."""
    seen = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        batch = messages(pullpoint)
        seen += batch
        if any(predicate(m) for m in batch):
            break
    return seen


def motion(events):
    out = {}
    created, pullpoint, manager = events.subscribe("tns1:RuleEngine/CellMotionDetector/Motion")
    start = time.monotonic()
    out["address"] = created.SubscriptionReference.Address._value_1
    out["termination_seconds"] = (created.TerminationTime - created.CurrentTime).total_seconds()
    changes = []
    deadline = start + 20
    while time.monotonic() < deadline and [c["state"] for c in changes][-2:] != ["true", "false"]:
        for message in messages(pullpoint):
            if message["operation"] == "Changed":
                changes.append({"state": message["data"].get("IsMotion"), "after": round(time.monotonic() - start, 2),
                                "topic": message["topic"], "source": message["source"]})
            else:
                out.setdefault("initialized", message)
    out["changes"] = changes
    renewed = manager.Renew({"TerminationTime": "PT120S"})
    out["renewed_seconds"] = (renewed.TerminationTime - renewed.CurrentTime).total_seconds()
    pullpoint.SetSynchronizationPoint()
    out["synchronized"] = messages(pullpoint, timeout="PT1S")
    manager.Unsubscribe()
    out["pull_after_unsubscribe"] = fault_text(lambda: pullpoint.PullMessages({"Timeout": "PT1S", "MessageLimit": 1}))
    return out


def digital_input(events):
    _, pullpoint, manager = events.subscribe("tns1:Device/Trigger/DigitalInput")
    initial = messages(pullpoint, timeout="PT1S")
    status = events.post("/api/v1/cameras/%s/inputs/1" % events.path, {"state": True})
    seen = until(pullpoint, lambda m: m["operation"] == "Changed", 5)
    manager.Unsubscribe()
    return {"initial": initial, "status": status, "seen": seen}


def tamper(events):
    _, pullpoint, manager = events.subscribe("tns1:VideoSource/GlobalSceneChange/ImagingService")
    initial = messages(pullpoint, timeout="PT1S")
    status = events.post("/api/v1/cameras/%s/faults" % events.path, {"frozen_picture": {"at": "0s", "for": "1h"}})
    seen = until(pullpoint, lambda m: m["data"].get("State") == "true", 5)
    manager.Unsubscribe()
    return {"initial": initial, "status": status, "seen": seen}


def main():
    host, port, user, password, camera = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    events = Events(host, port, user, password, camera)
    properties = events.events.GetEventProperties()
    out = {
        "dialects": list(properties.TopicExpressionDialect),
        "motion": motion(events),
        "input": digital_input(events),
        "tamper": tamper(events),
    }
    print(json.dumps(out, default=str))


if __name__ == "__main__":
    main()
