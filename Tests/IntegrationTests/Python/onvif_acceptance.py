"""ONVIF acceptance against camsim with onvif-zeep (PyPI), which ships ONVIF's WSDLs.

Usage: onvif_acceptance.py HOST PORT USER PASSWORD

Talks to http://HOST:PORT/onvif/device_service the way an NVR does, with WS-Security
UsernameToken digests, and prints one JSON object: the device information, the
capabilities' addresses, the profiles with their stream and snapshot URIs, the fault a
wrong password gets and what a replayed UsernameToken gets. Every WSDL and schema is read
from the package's files: a fetch from the network fails the run.
"""
import datetime
import json
import os
import sys

import zeep

import onvif_offline  # noqa: E402  (before onvif: WSDLs and schemas from the package only)
from onvif import ONVIFCamera, ONVIFError  # noqa: E402
from zeep.wsse.username import UsernameToken  # noqa: E402

WSDL_DIR = onvif_offline.WSDL_DIR


def fault_text(call):
    """What `call` raised, or 'accepted' when it did not."""
    try:
        call()
        return "accepted"
    except (ONVIFError, zeep.exceptions.Fault) as error:
        return str(error)


def main():
    host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    out = {}
    camera = ONVIFCamera(host, port, user, password, wsdl_dir=WSDL_DIR, no_cache=True)
    info = camera.devicemgmt.GetDeviceInformation()
    out["device_information"] = {
        key: info[key] for key in ("Manufacturer", "Model", "FirmwareVersion", "SerialNumber", "HardwareId")
    }
    capabilities = camera.devicemgmt.GetCapabilities({"Category": "All"})
    out["device_xaddr"] = capabilities.Device.XAddr
    out["media_xaddr"] = capabilities.Media.XAddr

    media = camera.create_media_service()
    out["profiles"] = []
    for profile in media.GetProfiles():
        encoder = profile.VideoEncoderConfiguration
        request = media.create_type("GetStreamUri")
        request.ProfileToken = profile.token
        request.StreamSetup = {"Stream": "RTP-Unicast", "Transport": {"Protocol": "RTSP"}}
        out["profiles"].append({
            "token": profile.token,
            "encoding": encoder.Encoding,
            "width": encoder.Resolution.Width,
            "height": encoder.Resolution.Height,
            "stream_uri": media.GetStreamUri(request).Uri,
            "snapshot_uri": media.GetSnapshotUri({"ProfileToken": profile.token}).Uri,
        })

    wrong = ONVIFCamera(host, port, user, password + "-wrong", wsdl_dir=WSDL_DIR, no_cache=True)
    out["wrong_password"] = fault_text(wrong.devicemgmt.GetDeviceInformation)

    # One UsernameToken, its Nonce and Created fixed, sent twice: the second is a replay.
    token = UsernameToken(
        user, password, use_digest=True, nonce=os.urandom(12).hex(), created=datetime.datetime.utcnow())
    client = zeep.Client(wsdl=os.path.join(WSDL_DIR, "devicemgmt.wsdl"), wsse=token)
    service = client.create_service(
        "{http://www.onvif.org/ver10/device/wsdl}DeviceBinding", f"http://{host}:{port}/onvif/device_service")
    out["first_use"] = fault_text(service.GetDeviceInformation)
    out["replay"] = fault_text(service.GetDeviceInformation)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
