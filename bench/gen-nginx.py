#!/usr/bin/env python3
"""Writes a large nginx config for benchmarks: N server blocks with locations and limit_conn
lines, valid for `nginx -t` (no DNS, no certificates). Usage: gen-nginx.py N OUT"""
import sys

n, out = int(sys.argv[1]), sys.argv[2]
with open(out, "w") as f:
    f.write("events { worker_connections 4096; }\nhttp {\n")
    f.write("    limit_conn_zone $binary_remote_addr zone=perip:10m;\n")
    f.write("    limit_conn_zone $server_name zone=perserver:10m;\n")
    f.write("    map $http2 $v1ip { \"\" $binary_remote_addr; default \"\"; }\n")
    f.write("    limit_conn_zone $v1ip zone=v1ip:10m;\n")
    for i in range(n):
        f.write(f"    server {{\n        listen 127.0.0.1:{20000 + i % 1000};\n"
                f"        server_name s{i}.example.com;\n"
                f"        limit_conn perserver {100 + i % 50};\n"
                f"        limit_conn perip 10;\n"
                f"        location / {{\n            limit_conn perip {1 + i % 9};\n"
                f"            limit_conn perserver 100;\n            limit_conn v1ip 20;\n"
                f"            return 200 \"ok {i}\";\n        }}\n"
                f"        location /static/ {{ root /tmp; }}\n    }}\n")
    f.write("}\n")
