#!/usr/bin/env python3
"""Writes a large nginx config for benchmarks, laid out as hosting providers do: nginx.conf
includes the zones and sites/*.conf (100 servers a file), and every server includes a shared
snippet. N servers, each with three locations, limit_conn lines and a map entry; valid for
`nginx -t` (no DNS, no certificates). About 11 MB at 20 000 servers.
Usage: gen-nginx.py N OUT (the included files are written beside OUT)"""
import os
import sys

n, out = int(sys.argv[1]), sys.argv[2]
root = os.path.dirname(os.path.abspath(out))
os.makedirs(os.path.join(root, "sites"), exist_ok=True)
os.makedirs(os.path.join(root, "snippets"), exist_ok=True)

with open(os.path.join(root, "zones.conf"), "w") as f:
    f.write("limit_conn_zone $binary_remote_addr zone=perip:10m;\n"
            "limit_conn_zone $server_name zone=perserver:10m;\n"
            "map $http2 $v1ip { \"\" $binary_remote_addr; default \"\"; }\n"
            "limit_conn_zone $v1ip zone=v1ip:10m;\n"
            "limit_conn_zone $tier_key zone=pertier:10m;\n"
            "limit_conn_log_level warn;\n"
            "limit_conn_status 503;\n")

with open(os.path.join(root, "snippets", "common.conf"), "w") as f:
    f.write("limit_conn perip 10;\n"
            "limit_conn pertier 30;\n"
            "client_max_body_size 10m;\n"
            "add_header X-Frame-Options SAMEORIGIN;\n"
            "add_header X-Content-Type-Options nosniff;\n")

with open(out, "w") as f:
    f.write("events { worker_connections 4096; }\nhttp {\n    map_hash_bucket_size 128;\n"
            "    include zones.conf;\n"
            "    map $host $tier_key {\n        hostnames;\n        default \"\";\n")
    for i in range(0, n, 10):
        f.write(f"        s{i}.example.com $binary_remote_addr;\n")
    f.write("    }\n    include sites/*.conf;\n}\n")

for first in range(0, n, 100):
    with open(os.path.join(root, "sites", f"site-{first // 100:05d}.conf"), "w") as f:
        for i in range(first, min(n, first + 100)):
            f.write(f"server {{\n    listen 127.0.0.1:{20000 + i % 1000};\n"
                    f"    server_name s{i}.example.com;\n"
                    f"    include snippets/common.conf;\n"
                    f"    limit_conn perserver {100 + i % 50};\n"
                    f"    location / {{\n        return 200 \"ok {i}\";\n    }}\n"
                    f"    location ~ \\.php$ {{\n        limit_conn perip 5;\n        limit_conn perserver 100;\n"
                    f"        limit_conn pertier 20;\n        limit_conn v1ip 20;\n        limit_conn_dry_run on;\n"
                    f"        fastcgi_pass 127.0.0.1:9000;\n    }}\n"
                    f"    location /api/ {{\n        limit_conn perserver 50;\n        limit_conn perip 10;\n        limit_conn pertier 30;\n"
                    f"        proxy_pass http://127.0.0.1:8080;\n    }}\n"
                    f"}}\n")
