package io.limitc.emit.kumomta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JsePlatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a converted policy.lua in a real Lua interpreter (LuaJ) against a stand-in for
 * KumoMTA's {@code kumo} module: {@code kumo.on} keeps the handlers, the {@code make_egress_*}
 * constructors record what they are given, {@code kumo.shaping.load} resolves the written
 * shaping.toml as KumoMTA's loader does, and {@code policy-extras.sources} loads sources.toml
 * as KumoMTA's sources helper does. Files are looked up in {@code dir} by their base name.
 */
public final class KumoStandIn {

    /** One recorded constructor call. */
    public record Call(String constructor, Map<String, Object> params) {}

    public final List<Call> calls = new ArrayList<>();
    private final Map<String, LuaValue> handlers = new HashMap<>();
    private final Path dir;
    private final LuaValue module;

    public KumoStandIn(Path dir) throws IOException {
        this.dir = dir;
        Globals g = JsePlatform.standardGlobals();
        LuaTable preload = g.get("package").get("preload").checktable();
        LuaTable kumo = kumo();
        preload.set("kumo", constant(kumo));
        preload.set("policy-extras.sources", constant(sourcesHelper(kumo)));
        module = g.load(Files.readString(dir.resolve(KumoConverter.POLICY)), KumoConverter.POLICY).call();
        module.get("setup").call();
    }

    /** Calls a registered event handler, as kumod would. */
    public Varargs fire(String event, LuaValue... args) {
        LuaValue h = handlers.get(event);
        if (h == null) throw new AssertionError("policy.lua registered no " + event + " handler");
        return h.invoke(LuaValue.varargsOf(args));
    }

    /** get_egress_path_config for one path: the parameters make_egress_path was given. */
    public Map<String, Object> egressPath(String domain, String source) {
        int before = calls.size();
        fire("get_egress_path_config", LuaValue.valueOf(domain), LuaValue.valueOf(source), LuaValue.valueOf(domain));
        return last("make_egress_path", before);
    }

    public Map<String, Object> egressSource(String name) {
        int before = calls.size();
        fire("get_egress_source", LuaValue.valueOf(name));
        return last("make_egress_source", before);
    }

    public Map<String, Object> egressPool(String name) {
        int before = calls.size();
        fire("get_egress_pool", LuaValue.valueOf(name));
        return last("make_egress_pool", before);
    }

    private Map<String, Object> last(String constructor, int before) {
        if (calls.size() != before + 1 || !calls.get(before).constructor().equals(constructor)) {
            throw new AssertionError("expected one " + constructor + " call, got " + calls.subList(before, calls.size()));
        }
        return calls.get(before).params();
    }

    private LuaTable kumo() {
        LuaTable kumo = new LuaTable();
        kumo.set("on", new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue name, LuaValue fn) {
                handlers.put(name.checkjstring(), fn.checkfunction());
                return NIL;
            }
        });
        kumo.set("memoize", new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue fn, LuaValue options) {
                return fn;
            }
        });
        for (String constructor : List.of("make_egress_path", "make_egress_source", "make_egress_pool")) {
            kumo.set(constructor, new OneArgFunction() {
                @Override
                public LuaValue call(LuaValue params) {
                    calls.add(new Call(constructor, toJava(params.checktable())));
                    return params;
                }
            });
        }
        LuaTable shaping = new LuaTable();
        shaping.set("load", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue files) {
                ShapingEmulator emulator = new ShapingEmulator(readToml(files.checktable().get(1).checkjstring()));
                LuaTable loaded = new LuaTable();
                loaded.set("get_egress_path_config", new VarArgFunction() {
                    @Override
                    public Varargs invoke(Varargs a) { // (self, domain, source, site)
                        return toLua(emulator.resolve(a.checkjstring(2), a.checkjstring(3)));
                    }
                });
                return loaded;
            }
        });
        kumo.set("shaping", shaping);
        return kumo;
    }

    /** KumoMTA's sources helper: sources:setup(files) registers get_egress_source and get_egress_pool. */
    private LuaTable sourcesHelper(LuaTable kumo) {
        LuaTable helper = new LuaTable();
        helper.set("setup", new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue self, LuaValue files) {
                JsonNode data = readToml(files.checktable().get(1).checkjstring());
                handlers.put("get_egress_source", new OneArgFunction() {
                    @Override
                    public LuaValue call(LuaValue name) {
                        LuaTable params = new LuaTable();
                        params.set("name", name);
                        JsonNode fields = data.path("source").path(name.checkjstring());
                        fields.fields().forEachRemaining(f -> params.set(f.getKey(), f.getValue().asText()));
                        return kumo.get("make_egress_source").call(params);
                    }
                });
                handlers.put("get_egress_pool", new OneArgFunction() {
                    @Override
                    public LuaValue call(LuaValue name) {
                        LuaTable params = new LuaTable();
                        params.set("name", name);
                        LuaTable entries = new LuaTable();
                        data.path("pool").path(name.checkjstring()).fields().forEachRemaining(e -> {
                            LuaTable entry = new LuaTable();
                            entry.set("name", e.getKey());
                            entry.set("weight", e.getValue().path("weight").asInt(1));
                            entries.set(entries.length() + 1, entry);
                        });
                        params.set("entries", entries);
                        return kumo.get("make_egress_pool").call(params);
                    }
                });
                return NIL;
            }
        });
        return helper;
    }

    private JsonNode readToml(String path) {
        try {
            return new TomlMapper().readTree(dir.resolve(Path.of(path).getFileName()).toFile());
        } catch (IOException e) {
            throw new AssertionError("policy.lua loads " + path + ", which cannot be read: " + e.getMessage(), e);
        }
    }

    private static LuaValue constant(LuaValue v) {
        return new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue moduleName) {
                return v;
            }
        };
    }

    @SuppressWarnings("unchecked")
    static LuaTable toLua(Map<String, Object> map) {
        LuaTable t = new LuaTable();
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) t.set(k, toLua((Map<String, Object>) m));
            else if (v instanceof Long n) t.set(k, LuaValue.valueOf(n.doubleValue()));
            else if (v instanceof Boolean b) t.set(k, LuaValue.valueOf(b));
            else t.set(k, LuaValue.valueOf(String.valueOf(v)));
        });
        return t;
    }

    static Map<String, Object> toJava(LuaTable t) {
        Map<String, Object> map = new TreeMap<>();
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs n = t.next(k);
            if ((k = n.arg1()).isnil()) break;
            map.put(k.tojstring(), toJava(n.arg(2)));
        }
        return map;
    }

    private static Object toJava(LuaValue v) {
        if (v.istable()) return toJava(v.checktable());
        if (v.type() == LuaValue.TNUMBER) {
            double d = v.todouble();
            if (d == Math.rint(d)) return (long) d;
            return d;
        }
        if (v.type() == LuaValue.TBOOLEAN) return v.toboolean();
        return v.tojstring();
    }
}
