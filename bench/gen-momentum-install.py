#!/usr/bin/env python3
"""Writes a Momentum install as large senders run them, for convert benchmarks: N global
domain stanzas with limits and throttles, B bindings (bind_address only) spread over
binding groups with group-level limits, and every tenth binding with its own domain
stanzas. Usage: gen-momentum-install.py DOMAINS BINDINGS OUT"""
import sys

domains, bindings, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
groups = max(1, bindings // 20)
with open(out, "w") as f:
    f.write('Max_Outbound_Connections = 32\nOutbound_Throttle_Messages = "20000/60"\n'
            'Server_Max_Outbound_Connections = 20000\nMax_Deliveries_Per_Connection = 100\n')
    for g in range(groups):
        f.write(f'Binding_Group "pool{g}" {{\n  Max_Outbound_Connections = {8 + g % 8}\n'
                f'  Outbound_Throttle_Messages = "{1000 + g}/60"\n')
        for b in range(g, bindings, groups):
            f.write(f'  Binding "ip{b}" {{\n    Bind_Address = "10.{b // 65536 % 256}.{b // 256 % 256}.{b % 256}"\n')
            if b % 10 == 0:
                for d in range(0, domains, max(1, domains // 20)):
                    f.write(f'    Domain "d{d}.example.com" {{ Max_Outbound_Connections = {2 + d % 5} }}\n')
            f.write("  }\n")
        f.write("}\n")
    for d in range(domains):
        f.write(f'Domain "d{d}.example.com" {{\n  Max_Outbound_Connections = {1 + d % 40}\n')
        if d % 3 == 0:
            f.write(f'  Outbound_Throttle_Messages = "{100 + d % 900}/3600"\n')
        if d % 7 == 0:
            f.write(f'  Scope_Max_Outbound_Connections = {50 + d % 50}\n')
        f.write("}\n")
