"""onvif-zeep with only the WSDLs and schemas it ships: importing this module (before
`onvif`) makes zeep refuse any fetch from the network, so a test never depends on one."""

import os

import zeep.transports

_load = zeep.transports.Transport.load


def _local_only(self, url):
    if url.startswith(("http://", "https://")):
        raise RuntimeError("a WSDL or schema was fetched from the network: " + url)
    return _load(self, url)


zeep.transports.Transport.load = _local_only

import onvif  # noqa: E402  (after the transport is patched)

WSDL_DIR = os.path.join(os.path.dirname(os.path.dirname(onvif.__file__)), "wsdl")
