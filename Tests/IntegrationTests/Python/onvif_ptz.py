"""The virtual PTZ against camsim with onvif-zeep (PyPI), which ships ONVIF's WSDLs.

Usage: onvif_ptz.py HOST PORT USER PASSWORD

Adopts the camera at http://HOST:PORT/onvif/device_service as an NVR does (WS-Security
digests), then through the PTZ service that `create_ptz_service()` finds: reads the
configuration and node, moves the head with AbsoluteMove and polls GetStatus until it is
IDLE, reads the QR code of the snapshot at that position with zbarimg, runs a ContinuousMove
with a Timeout and polls it to a stop, and makes, visits and removes a preset. Prints one
JSON object. Every WSDL and schema is read from the package's files.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import requests
from requests.auth import HTTPDigestAuth
import zeep

import onvif_offline  # noqa: E402  (before onvif: WSDLs and schemas from the package only)
from onvif import ONVIFCamera, ONVIFError  # noqa: E402

WSDL_DIR = onvif_offline.WSDL_DIR
DEADLINE = 15.0


def fault_text(call):
    """What `call` raised, or 'accepted' when it did not."""
    try:
        call()
        return "accepted"
    except (ONVIFError, zeep.exceptions.Fault) as error:
        # onvif-zeep wraps zeep's Fault in an ONVIFError raised while handling it.
        fault = error if isinstance(error, zeep.exceptions.Fault) else error.__context__
        subcodes = getattr(fault, "subcodes", None) or []
        return " ".join([str(error)] + [getattr(code, "localname", str(code)) for code in subcodes])


def position(status):
    p = status.Position
    return {"pan": p.PanTilt.x, "tilt": p.PanTilt.y, "zoom": p.Zoom.x}


def idle(status):
    return status.MoveStatus.PanTilt == "IDLE" and status.MoveStatus.Zoom == "IDLE"


def wait_idle(ptz, token):
    """Polls GetStatus until both axes are IDLE; returns (status, saw MOVING, seconds)."""
    start = time.monotonic()
    moving = False
    while True:
        status = ptz.GetStatus({"ProfileToken": token})
        if idle(status):
            return status, moving, time.monotonic() - start
        moving = True
        if time.monotonic() - start > DEADLINE:
            raise RuntimeError("the head did not stop: %s" % status)
        time.sleep(0.05)


def snapshot_qr(uri, auth, expect_prefix):
    """The QR texts zbarimg reads from the snapshot at `uri` (as the camera's user), polled until one starts with
    `expect_prefix` (the snapshot is drawn at the moment it is asked for)."""
    start = time.monotonic()
    texts = []
    while time.monotonic() - start < DEADLINE:
        response = requests.get(uri, auth=auth, timeout=20)
        response.raise_for_status()
        jpeg = response.content
        with tempfile.NamedTemporaryFile(suffix=".jpg") as file:
            file.write(jpeg)
            file.flush()
            result = subprocess.run(
                ["zbarimg", "--nodbus", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", file.name],
                capture_output=True, text=True, timeout=30)
        texts = [line for line in result.stdout.splitlines() if line]
        if any(text.startswith(expect_prefix) for text in texts):
            return texts
        time.sleep(0.1)
    return texts


def main():
    host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    out = {}
    camera = ONVIFCamera(host, port, user, password, wsdl_dir=WSDL_DIR, no_cache=True)
    media = camera.create_media_service()
    profile = media.GetProfiles()[0]
    token = profile.token
    snapshot_uri = media.GetSnapshotUri({"ProfileToken": token}).Uri
    ptz = camera.create_ptz_service()

    configurations = ptz.GetConfigurations()
    out["configurations"] = [c.token for c in configurations]
    out["profile_ptz"] = profile.PTZConfiguration.token if profile.PTZConfiguration is not None else None
    out["default_timeout"] = str(configurations[0].DefaultPTZTimeout)
    node = ptz.GetNodes()[0]
    out["node"] = {
        "token": node.token,
        "max_presets": node.MaximumNumberOfPresets,
        "home_supported": node.HomeSupported,
        "pan_range": [node.SupportedPTZSpaces.AbsolutePanTiltPositionSpace[0].XRange.Min,
                      node.SupportedPTZSpaces.AbsolutePanTiltPositionSpace[0].XRange.Max],
    }
    options = ptz.GetConfigurationOptions({"ConfigurationToken": configurations[0].token})
    out["options_spaces"] = len(options.Spaces.ContinuousPanTiltVelocitySpace)

    # AbsoluteMove, confirmed by GetStatus and by the picture.
    ptz.AbsoluteMove({"ProfileToken": token, "Position": {"PanTilt": {"x": 0.5, "y": -0.25}, "Zoom": {"x": 0.5}}})
    status, moving, seconds = wait_idle(ptz, token)
    out["absolute"] = {"position": position(status), "saw_moving": moving, "seconds": seconds}
    out["absolute_qr"] = snapshot_qr(snapshot_uri, HTTPDigestAuth(user, password), "ptz pan=0.500 tilt=-0.250 zoom=0.500")

    # ContinuousMove: pan at half speed to the left, for one second.
    ptz.ContinuousMove({"ProfileToken": token, "Velocity": {"PanTilt": {"x": -0.5, "y": 0}}, "Timeout": "PT1S"})
    status, moving, seconds = wait_idle(ptz, token)
    out["continuous"] = {"position": position(status), "saw_moving": moving, "seconds": seconds}

    # Stop in the middle of a move holds the position.
    ptz.ContinuousMove({"ProfileToken": token, "Velocity": {"Zoom": {"x": 1}}, "Timeout": "PT10S"})
    time.sleep(0.2)
    ptz.Stop({"ProfileToken": token, "PanTilt": True, "Zoom": True})
    stopped = ptz.GetStatus({"ProfileToken": token})
    out["stop"] = {"idle": idle(stopped), "zoom": stopped.Position.Zoom.x}

    # Presets: set, list, go elsewhere, go back, remove.
    preset = ptz.SetPreset({"ProfileToken": token, "PresetName": "gate"})
    out["preset_token"] = preset
    presets = ptz.GetPresets({"ProfileToken": token})
    out["presets"] = [{"token": p.token, "name": p.Name,
                       "pan": p.PTZPosition.PanTilt.x, "zoom": p.PTZPosition.Zoom.x} for p in presets]
    ptz.AbsoluteMove({"ProfileToken": token, "Position": {"PanTilt": {"x": -1, "y": 1}, "Zoom": {"x": 0}}})
    wait_idle(ptz, token)
    ptz.GotoPreset({"ProfileToken": token, "PresetToken": preset})
    status, _, _ = wait_idle(ptz, token)
    out["after_goto_preset"] = position(status)
    ptz.RemovePreset({"ProfileToken": token, "PresetToken": preset})
    out["presets_after_remove"] = [p.token for p in ptz.GetPresets({"ProfileToken": token})]

    # Home: set here, move away, come back.
    ptz.SetHomePosition({"ProfileToken": token})
    ptz.AbsoluteMove({"ProfileToken": token, "Position": {"PanTilt": {"x": 1, "y": -1}, "Zoom": {"x": 1}}})
    wait_idle(ptz, token)
    ptz.GotoHomePosition({"ProfileToken": token})
    status, _, _ = wait_idle(ptz, token)
    out["after_home"] = position(status)

    # Faults.
    out["bad_preset"] = fault_text(lambda: ptz.GotoPreset({"ProfileToken": token, "PresetToken": "nope"}))
    out["bad_position"] = fault_text(lambda: ptz.AbsoluteMove(
        {"ProfileToken": token, "Position": {"PanTilt": {"x": 2, "y": 0}}}))
    out["bad_profile"] = fault_text(lambda: ptz.GetStatus({"ProfileToken": "Profile_nope"}))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
