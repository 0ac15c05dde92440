package io.limitc.runtime;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where fields and elements lie, and the text between them that makes the caller read the ordinary way. */
class JsonSpansTest {

    /** The elements found in the last {@link #fields} call, as text. */
    private final List<String> elements = new ArrayList<>();

    private JsonSpans.Fields fields(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        elements.clear();
        return JsonSpans.fields(b, 0, b.length, "list"::equals, (list, index, from, to) -> {
            assertEquals("list", list);
            assertEquals(elements.size(), index);
            elements.add(text(json, from, to));
        });
    }

    private static String text(String json, int from, int to) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    @Test
    void fieldsAndTheElementsOfAListAreFound() {
        String json = "{ \"a\" : {\"x\": \"}]\\\"{\"}, \"list\":[ {\"n\":[1,{}]},\t\"é]\" ,\n3 ], \"b\": -1.5e3 }  tail";
        JsonSpans.Fields f = fields(json);
        assertEquals(List.of("a", "list", "b"), f.list().stream().map(JsonSpans.Field::name).toList());
        assertEquals("{\"x\": \"}]\\\"{\"}", text(json, f.list().get(0).from(), f.list().get(0).to()));
        assertEquals(List.of(false, true, false), f.list().stream().map(JsonSpans.Field::listed).toList());
        assertEquals(List.of("{\"n\":[1,{}]}", "\"é]\"", "3"), elements);
        assertEquals("-1.5e3", text(json, f.list().get(2).from(), f.list().get(2).to()));
        assertEquals("{ \"a\" : {\"x\": \"}]\\\"{\"}, \"list\":[ {\"n\":[1,{}]},\t\"é]\" ,\n3 ], \"b\": -1.5e3 }",
                text(json, 0, f.end()));
    }

    @Test
    void emptyObjectsAndLists() {
        assertEquals(List.of(), fields("{ }").list());
        assertEquals(3, fields("{ }").end());
        assertTrue(fields("{\"list\": [ ]}").list().get(0).listed());
        assertEquals(List.of(), elements);
    }

    /** Separators are JSON's exactly: anything else is for the ordinary read to report. */
    @Test
    void textBetweenValuesThatIsNotJsonGivesNull() {
        for (String bad : List.of("{\"a\": 1,}", "{,\"a\": 1}", "{\"a\": 1 \"b\": 2}", "{\"a\" 1}", "{\"list\": [1,]}",
                "{\"list\": [,1]}", "{\"list\": [1 2]}", "{\"list\": [1,,2]}", "{\"a\": 1", "{\"a\": \"open}",
                "{\"a\": }", "{\"a\"\f: 1}", "{\"a\\u0062\": 1}", "[1]", "{\"a\": ]}")) {
            assertNull(fields(bad), bad);
        }
    }

    /** What a value holds is for its own parser to judge: a span only has to end where its brackets do. */
    @Test
    void aValueIsASpanWhateverItHolds() {
        String json = "{\"a\": {], \"b\": tru}";
        JsonSpans.Fields f = fields(json);
        assertEquals("{]", text(json, f.list().get(0).from(), f.list().get(0).to()));
        assertEquals("tru", text(json, f.list().get(1).from(), f.list().get(1).to()));
    }
}
