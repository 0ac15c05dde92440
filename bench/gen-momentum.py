#!/usr/bin/env python3
"""Writes a large Momentum config for benchmarks: N domain stanzas spread over bindings,
binding groups and regex domains, with throttles and limits. Usage: gen-momentum.py N OUT"""
import sys

n, out = int(sys.argv[1]), sys.argv[2]
with open(out, "w") as f:
    f.write("Max_Outbound_Connections = 32\nOutbound_Throttle_Messages = \"1000/60\"\n")
    f.write("cluster {\n  Replicate \"outbound_domains\" {}\n  Replicate \"OBTM\" {}\n}\n")
    per_binding = 100
    for b in range(n // per_binding):
        group = b % 10 == 0
        if group:
            f.write(f'Binding_Group "g{b}" {{\n  Max_Outbound_Connections = 10\n')
        f.write(f'Binding "b{b}" {{\n  Bind_Address = 10.{b // 65536 % 256}.{b // 256 % 256}.{b % 256}\n')
        for d in range(per_binding):
            i = b * per_binding + d
            if i % 50 == 0:
                f.write(f'  Domain "/^mx{i}\\.(example|test)\\.org$/" {{ Outbound_Throttle_Messages = "{10 + i % 90}/60" }}\n')
            else:
                f.write(f'  Domain "d{i}.example.com" {{\n    Max_Outbound_Connections = {1 + i % 40}\n'
                        f'    # per-domain cap\n    Outbound_Throttle_Connections = {1 + i % 9}/10\n  }}\n')
        f.write("}\n")
        if group:
            f.write("}\n")
