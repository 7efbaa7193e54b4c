"""Profile G against camsim with onvif-zeep (PyPI), which ships ONVIF's WSDLs.

Usage: onvif_recordings.py HOST PORT USER PASSWORD

Finds the recording, search and replay services through GetServices, as an NVR does,
then with WS-Security UsernameToken digests: GetRecordings, GetRecordingSummary,
FindRecordings with GetRecordingSearchResults and EndSearch, FindEvents with
GetEventSearchResults, GetRecordingInformation,
GetReplayUri and GetReplayConfiguration, and the faults a wrong recording token and an
ended search get. Prints one JSON object. Every WSDL and schema is read from the
package's files: a fetch from the network fails the run.
"""
import datetime
import json
import os
import sys

import zeep

import onvif_offline  # noqa: E402  (before onvif: WSDLs and schemas from the package only)
from onvif import ONVIFCamera, ONVIFError  # noqa: E402

WSDL_DIR = onvif_offline.WSDL_DIR
NAMESPACES = {
    "recording": "http://www.onvif.org/ver10/recording/wsdl",
    "search": "http://www.onvif.org/ver10/search/wsdl",
    "replay": "http://www.onvif.org/ver10/replay/wsdl",
}


def fault_text(call):
    """What `call` raised, or 'accepted' when it did not."""
    try:
        call()
        return "accepted"
    except (ONVIFError, zeep.exceptions.Fault) as error:
        return str(error)


def when(value):
    """An xs:dateTime as zeep read it, in ISO 8601 UTC."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return value.isoformat(timespec="milliseconds") + "Z"


def information(info):
    return {
        "token": info.RecordingToken,
        "source_name": info.Source.Name,
        "source_address": info.Source.Address,
        "earliest": when(info.EarliestRecording),
        "latest": when(info.LatestRecording),
        "tracks": [
            {"token": t.TrackToken, "type": t.TrackType, "from": when(t.DataFrom), "to": when(t.DataTo)} for t in info.Track
        ],
        "status": info.RecordingStatus,
    }


def data_present(event):
    """IsDataPresent of a recorded event's tt:Message, which zeep reads with onvif.xsd's type."""
    message = getattr(event.Message, "_value_1", None)
    if message is None:
        return None
    for item in message.Data.SimpleItem:
        if item.Name == "IsDataPresent":
            return item.Value
    return None


def main():
    host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    out = {}
    camera = ONVIFCamera(host, port, user, password, wsdl_dir=WSDL_DIR, no_cache=True)
    services = camera.devicemgmt.GetServices({"IncludeCapability": False})
    addresses = {service.Namespace: service.XAddr for service in services}
    for name, namespace in NAMESPACES.items():
        camera.xaddrs[namespace] = addresses[namespace]
        out[name + "_xaddr"] = addresses[namespace]

    recording = camera.create_recording_service()
    out["recordings"] = [
        {
            "token": item.RecordingToken,
            "source_id": item.Configuration.Source.SourceId,
            "content": item.Configuration.Content,
            "retention": str(item.Configuration.MaximumRetentionTime),
            "tracks": [{"token": t.TrackToken, "type": t.Configuration.TrackType} for t in item.Tracks.Track],
        }
        for item in recording.GetRecordings()
    ]

    search = camera.create_search_service()
    summary = search.GetRecordingSummary()
    out["summary"] = {"from": when(summary.DataFrom), "until": when(summary.DataUntil), "count": summary.NumberRecordings}
    token = search.FindRecordings({"Scope": {}, "MaxMatches": 10, "KeepAliveTime": datetime.timedelta(seconds=10)})
    results = search.GetRecordingSearchResults(
        {"SearchToken": token, "MinResults": 1, "MaxResults": 10, "WaitTime": datetime.timedelta(seconds=1)})
    out["search_state"] = results.SearchState
    out["found"] = [information(info) for info in results.RecordingInformation]
    out["end_search"] = when(search.EndSearch({"SearchToken": token}))
    out["after_end"] = fault_text(lambda: search.GetRecordingSearchResults({"SearchToken": token}))

    start = datetime.datetime.fromisoformat(out["summary"]["from"].replace("Z", "+00:00"))
    token = search.FindEvents({
        "StartPoint": start, "Scope": {}, "SearchFilter": {}, "IncludeStartState": False,
        "KeepAliveTime": datetime.timedelta(seconds=10)})
    events = search.GetEventSearchResults({"SearchToken": token, "MaxResults": 100})
    out["event_state"] = events.SearchState
    out["events"] = [
        {"time": when(result.Time), "track": result.TrackToken, "present": data_present(result.Event)} for result in events.Result
    ]
    search.EndSearch({"SearchToken": token})

    first = out["recordings"][0]["token"]
    out["information"] = information(search.GetRecordingInformation({"RecordingToken": first}))
    out["unknown_information"] = fault_text(lambda: search.GetRecordingInformation({"RecordingToken": "Recording_none"}))

    replay = camera.create_replay_service()
    setup = {"Stream": "RTP-Unicast", "Transport": {"Protocol": "RTSP"}}
    out["replay_uri"] = replay.GetReplayUri({"StreamSetup": setup, "RecordingToken": first})
    out["unknown_replay"] = fault_text(lambda: replay.GetReplayUri({"StreamSetup": setup, "RecordingToken": "Recording_none"}))
    out["session_timeout"] = str(replay.GetReplayConfiguration().SessionTimeout)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
