"""The device service of camsim with onvif-zeep (PyPI) and requests, as an NVR uses it.

Usage: onvif_device.py HOST CONTROL_PORT USER PASSWORD OWN_PORTS

OWN_PORTS is a comma-separated list of the cameras' own ports, in configuration order.
Through http://HOST:CONTROL_PORT/onvif/device_service (the first camera), with WS-Security
digests: GetUsers, SetScopes then GetScopes, a SetScopes naming a fixed scope,
GetNetworkInterfaces, GetCapabilities, GetServiceCapabilities; then HTTP Digest with
requests (no credentials, the right ones, a wrong password) on GetDeviceInformation; the
snapshot URI fetched with and without Digest; each camera's own port's
GetDeviceInformation and first stream URI; and last SystemReboot. Prints one JSON object.
Every WSDL and schema is read from the package's files: a fetch from the network fails the run.
"""
import json
import os
import sys

import requests
from lxml import etree
import zeep
from requests.auth import HTTPDigestAuth

import onvif_offline  # noqa: E402  (before onvif: WSDLs and schemas from the package only)
from onvif import ONVIFCamera, ONVIFError  # noqa: E402

WSDL_DIR = onvif_offline.WSDL_DIR
DEVICE_INFORMATION = (
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>'
    '<GetDeviceInformation xmlns="http://www.onvif.org/ver10/device/wsdl"/></s:Body></s:Envelope>'
)
SOAP = {"Content-Type": "application/soap+xml; charset=utf-8"}


def fault_text(call):
    """What `call` raised, or 'accepted' when it did not."""
    try:
        call()
        return "accepted"
    except (ONVIFError, zeep.exceptions.Fault) as error:
        return str(error)


def extension_xaddr(extension, name):
    """The XAddr of `name` in tt:CapabilitiesExtension. zeep lets the leading xs:any
    (##other) take every child, so they may arrive as raw elements in `_value_1`."""
    if extension is None:
        return None
    direct = getattr(extension, name, None)
    if direct is not None:
        return direct.XAddr
    for element in getattr(extension, "_value_1", None) or []:
        if etree.QName(element).localname == name:
            return element.findtext("{http://www.onvif.org/ver10/schema}XAddr")
    return None


def first_stream_uri(camera):
    media = camera.create_media_service()
    profile = media.GetProfiles()[0]
    request = media.create_type("GetStreamUri")
    request.ProfileToken = profile.token
    request.StreamSetup = {"Stream": "RTP-Unicast", "Transport": {"Protocol": "RTSP"}}
    return media, profile, media.GetStreamUri(request).Uri


def main():
    host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    own_ports = [int(p) for p in sys.argv[5].split(",") if p]
    out = {}
    camera = ONVIFCamera(host, port, user, password, wsdl_dir=WSDL_DIR, no_cache=True)
    device = camera.devicemgmt

    out["users"] = [[u.Username, u.UserLevel, u.Password] for u in device.GetUsers()]
    device.SetScopes({"Scopes": ["onvif://www.onvif.org/location/lab", "onvif://www.onvif.org/name/Bench"]})
    out["scopes"] = [[s.ScopeDef, s.ScopeItem] for s in device.GetScopes()]
    fixed = next(item for definition, item in out["scopes"] if definition == "Fixed")
    out["set_fixed_scope"] = fault_text(lambda: device.SetScopes({"Scopes": [fixed]}))

    interfaces = device.GetNetworkInterfaces()
    out["interfaces"] = [{
        "token": i.token, "enabled": i.Enabled, "name": i.Info.Name, "mac": i.Info.HwAddress,
        "address": i.IPv4.Config.Manual[0].Address, "prefix": i.IPv4.Config.Manual[0].PrefixLength,
    } for i in interfaces]

    capabilities = device.GetCapabilities({"Category": "All"})
    out["capabilities"] = {
        "events": capabilities.Events.XAddr if capabilities.Events else None,
        "ptz": capabilities.PTZ.XAddr if capabilities.PTZ else None,
        "recording": extension_xaddr(capabilities.Extension, "Recording"),
        "search": extension_xaddr(capabilities.Extension, "Search"),
        "replay": extension_xaddr(capabilities.Extension, "Replay"),
    }
    out["http_digest_capability"] = device.GetServiceCapabilities().Security.HttpDigest

    # HTTP Digest on the SOAP endpoint, no WS-Security.
    url = f"http://{host}:{port}/onvif/device_service"
    bare = requests.post(url, data=DEVICE_INFORMATION, headers=SOAP, timeout=10)
    good = requests.post(url, data=DEVICE_INFORMATION, headers=SOAP, auth=HTTPDigestAuth(user, password), timeout=10)
    bad = requests.post(url, data=DEVICE_INFORMATION, headers=SOAP, auth=HTTPDigestAuth(user, password + "-x"), timeout=10)
    out["digest"] = {
        "bare_status": bare.status_code, "bare_challenge": bare.headers.get("WWW-Authenticate", ""),
        "bare_fault": "ter:NotAuthorized" in bare.text,
        "good_status": good.status_code, "good_has_manufacturer": "<tds:Manufacturer>" in good.text,
        "bad_status": bad.status_code, "bad_fault": "ter:NotAuthorized" in bad.text,
    }

    # The snapshot URI, under the camera's users rather than the control API's token.
    media, profile, _ = first_stream_uri(camera)
    snapshot_uri = media.GetSnapshotUri({"ProfileToken": profile.token}).Uri
    anonymous = requests.get(snapshot_uri, timeout=10)
    fetched = requests.get(snapshot_uri, auth=HTTPDigestAuth(user, password), timeout=20)
    out["snapshot"] = {
        "uri": snapshot_uri, "anonymous_status": anonymous.status_code, "status": fetched.status_code,
        "content_type": fetched.headers.get("Content-Type", ""), "jpeg": fetched.content[:3] == b"\xff\xd8\xff",
    }

    # Each camera's own port: its device, its stream.
    out["own_ports"] = []
    for own in own_ports:
        own_camera = ONVIFCamera(host, own, user, password, wsdl_dir=WSDL_DIR, no_cache=True)
        info = own_camera.devicemgmt.GetDeviceInformation()
        xaddr = own_camera.devicemgmt.GetCapabilities({"Category": "Media"}).Media.XAddr
        _, _, uri = first_stream_uri(own_camera)
        out["own_ports"].append({"port": own, "model": info.Model, "media_xaddr": xaddr, "stream_uri": uri})

    out["reboot_message"] = device.SystemReboot()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
