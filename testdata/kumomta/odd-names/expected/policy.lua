-- policy.lua: written by limitc convert from ecelerity.conf (re-run it rather than edit)
--
-- From your init.lua:
--   local limitc = dofile '/opt/kumomta/etc/policy/policy.lua'
--   limitc.setup()
-- setup() registers get_egress_path_config (shaping.toml plus what follows) and, through
-- KumoMTA's sources helper, get_egress_source and get_egress_pool (sources.toml).
--
-- "local:N" values count per node (Momentum's plain options); plain values are shared by
-- the cluster once kumo.configure_redis_throttles is on (Momentum's cluster_* options).
local kumo = require 'kumo'
local mod = {}

local POLICY_DIR = '/opt/kumomta/etc/policy'

-- Values set in binding and binding_group scopes, laid over shaping.toml's answer: a shaping file
-- has no block for one source and every domain. In Momentum they beat a global domain stanza.
local SOURCE_VALUES = {
  ['o\'neil'] = {
    connection_limit = 'local:3', -- ecelerity.conf:7 max_outbound_connections
  },
}

-- Fields a domain's sources sub-block in shaping.toml sets for one source: Momentum's domain stanzas
-- inside a binding or binding_group beat the binding's own values, so the overlay leaves them.
local PINNED = {
}

-- Named limits in four layers, broadest first: GLOBAL, DOMAIN[domain] (global domain stanzas),
-- SOURCE[source] (binding and binding_group scopes), PATH[domain][source] (domain stanzas inside
-- them). A path takes every cap of every layer: concurrency limits shared by all paths of the
-- Momentum scope in the name. Each slot comes from the most specific layer that has it, as
-- Momentum's fallback chain decides: a message throttle is one bucket per scope that writes it
-- (shared by reference); a per_path limit is counted per source and domain (its name gets
-- "@source->domain"); false means no limit there (Momentum's 0, or the path's own max_message_rate).
local GLOBAL = {
  caps = {},
  slots = {},
}

local DOMAIN = {
}

local SOURCE = {
  ['café\\east'] = {
    caps = {
      ['binding:café\\east/scope_max_outbound_connections'] = 'local:6', -- ecelerity.conf:16 scope_max_outbound_connections
    },
    slots = {
      outbound_throttle_messages = { name = 'binding:café\\east/outbound_throttle_messages', rate = 'local:2/s' }, -- ecelerity.conf:15 outbound_throttle_messages
    },
  },
}

local PATH = {
  ['example.com'] = {
    ['o\'neil'] = {
      caps = {},
      slots = {
        outbound_throttle_messages = false, -- ecelerity.conf:9 outbound_throttle_messages
      },
    },
  },
}

local function merge(into, from)
  for k, v in pairs(from) do
    into[k] = v
  end
end

-- The make_egress_path parameters of one path: shaping.toml's, then what it cannot hold.
function mod.egress_path_params(shaping, domain, source, site)
  domain = string.lower(domain)
  local params = shaping:get_egress_path_config(domain, source, site)
  local pinned = (PINNED[domain] or {})[source] or {}
  for field, value in pairs(SOURCE_VALUES[source] or {}) do
    if not pinned[field] then
      params[field] = value
    end
  end
  local caps, slots = {}, {}
  local layers = { GLOBAL, DOMAIN[domain], SOURCE[source], (PATH[domain] or {})[source] }
  for i = 1, 4 do
    local layer = layers[i]
    if layer then
      merge(caps, layer.caps or {})
      merge(slots, layer.slots or {})
    end
  end
  params.additional_connection_limits = params.additional_connection_limits or {}
  params.additional_message_rate_throttles = params.additional_message_rate_throttles or {}
  merge(params.additional_connection_limits, caps)
  for _, slot in pairs(slots) do
    if slot and slot.per_path then
      params.additional_connection_limits[slot.name .. '@' .. source .. '->' .. domain] = slot.limit
    elseif slot then
      params.additional_message_rate_throttles[slot.name] = slot.rate
    end
  end
  return params
end

function mod.setup()
  local sources = require 'policy-extras.sources'
  sources:setup { POLICY_DIR .. '/sources.toml' }
  local load_shaping = kumo.memoize(kumo.shaping.load, {
    name = 'limitc_shaping',
    ttl = '1 minute',
    capacity = 1,
  })
  kumo.on('get_egress_path_config', function(domain, source, site)
    local shaping = load_shaping { POLICY_DIR .. '/shaping.toml' }
    return kumo.make_egress_path(mod.egress_path_params(shaping, domain, source, site))
  end)
end

return mod
