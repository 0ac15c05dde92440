package io.limitc.emit.kumomta;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
// TEMPORARY STUB - replaced by the checker branch
public final class KumoChecker {
    public record Problem(String path, String message, boolean error) {}
    public static List<Problem> checkShaping(JsonNode root) { return List.of(); }
    public static List<Problem> checkSources(JsonNode root) { return List.of(); }
    public static List<Problem> checkEgressPath(String path, JsonNode params) { return List.of(); }
}
