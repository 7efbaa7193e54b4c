"""Fetches a camsim /metrics page and parses it with prometheus_client's text parser.

Prints one JSON object: every metric family's type, and every sample as
[name, labels, value]. A page the parser refuses makes the script fail.
Usage: metrics_check.py URL
"""
import json
import sys
import urllib.request

from prometheus_client.parser import text_string_to_metric_families


def main():
    url = sys.argv[1]
    with urllib.request.urlopen(url, timeout=30) as response:
        content_type = response.headers.get("Content-Type", "")
        text = response.read().decode("utf-8")
    families = {}
    samples = []
    for family in text_string_to_metric_families(text):
        families[family.name] = family.type
        for sample in family.samples:
            samples.append([sample.name, sample.labels, sample.value])
    json.dump({"content_type": content_type, "families": families, "samples": samples}, sys.stdout)


if __name__ == "__main__":
    main()
