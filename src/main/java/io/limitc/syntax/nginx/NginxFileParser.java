package io.limitc.syntax.nginx;

import io.limitc.model.Diagnostic;
import io.limitc.model.Directive;
import io.limitc.model.Origin;
import io.limitc.model.SourceFile.Comment;
import io.limitc.model.Value;
import io.limitc.syntax.Positions;
import io.limitc.syntax.SourceChars;
import io.limitc.syntax.WordCache;
import io.limitc.syntax.nginx.antlr.NginxLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one nginx file in one pass: the grammar's lexer reads it as nginx does, the
 * structure pass checks and repairs it with nginx's messages, and the builder makes model
 * statements from the repaired tokens as they arrive.
 *
 * <p>The repaired sequence is always the grammar's {@code word+ ( ";" | block | LUA_BLOCK )}
 * (a test parses it with the grammar's parser for every case), so building needs no parse
 * tree: a stack of open blocks is enough, and neither tokens nor a tree of the whole file
 * are ever held, only the model.
 */
final class NginxFileParser {

    /** {@code includeHolders}: the blocks with an include somewhere inside, the only ones the loader must look into. */
    record Result(List<Directive> directives, List<Comment> comments, List<Diagnostic> diagnostics,
                  java.util.Set<Directive> includeHolders) {}

    private NginxFileParser() {}

    /**
     * Parses one file on its own: an include directive comes back with no files read (the
     * loader resolves includes afterwards, in reading order), so files can be parsed side by side.
     */
    static Result parse(String file, String text) {
        return parse(file, text, text.length() >= PIPELINE_CHARS);
    }

    /** {@code pipelined}: lex on a second thread (tests compare both ways on one file). */
    static Result parse(String file, String text, boolean pipelined) {
        Builder builder = new Builder(file);
        List<Comment> comments = new ArrayList<>();
        NginxStructure structure = read(file, text, builder, comments, pipelined);
        if (structure.refused()) return new Result(List.of(), comments, structure.diagnostics(), java.util.Set.of());
        return new Result(builder.statements, comments, structure.diagnostics(), builder.includeHolders);
    }

    /** Above this size the lexer runs on its own thread, a batch of tokens ahead of the builder. */
    private static final int PIPELINE_CHARS = 1 << 20;
    private static final int BATCH = 4096;

    /** Lexed tokens with the text of each word and comment, read on the lexing thread. */
    private record Batch(Token[] tokens, String[] texts, int size, RuntimeException failure) {}

    /** Lexes {@code text}, collecting its comments, and streams its statements through the structure pass into {@code sink}. */
    static NginxStructure read(String file, String text, NginxStructure.Sink sink, List<Comment> comments,
                               boolean pipelined) {
        byte[] latin1 = SourceChars.latin1(text);
        CharStream chars = latin1 == null ? SourceChars.of(text, file) : SourceChars.of(latin1, file);
        org.antlr.v4.runtime.TokenSource lexer = NginxFastLexer.of(text, latin1, chars);
        NginxStructure structure = new NginxStructure(file, text, chars, sink);
        Reader reader = new Reader(file, structure, comments);
        // token indexes are string indexes only where the stream is the text's own Latin-1 bytes
        WordCache words = latin1 == null ? null : new WordCache(text);
        if (!pipelined) {
            Batch batch = lex(lexer, words);
            while (reader.take(batch)) batch = lex(lexer, words);
            return structure;
        }
        // A few batches ahead keep both threads busy; more would only be tokens that survive
        // young collections (and are copied into the old generation) while they wait.
        java.util.concurrent.BlockingQueue<Batch> queue = new java.util.concurrent.ArrayBlockingQueue<>(4);
        Thread lexing = new Thread(() -> {
            try {
                while (true) {
                    Batch batch;
                    try {
                        batch = lex(lexer, words);
                    } catch (RuntimeException e) {
                        batch = new Batch(new Token[0], new String[0], 0, e);
                    }
                    queue.put(batch);
                    if (batch.failure() != null || batch.tokens()[batch.size() - 1].getType() == Token.EOF) return;
                }
            } catch (InterruptedException stopped) {
                // the builder stopped reading (an error ended the file): nothing more to lex
            }
        }, "limitc-lexer");
        lexing.setDaemon(true);
        lexing.start();
        try {
            while (true) {
                Batch batch = queue.take();
                if (batch.failure() != null) throw batch.failure();
                if (!reader.take(batch)) return structure;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + file, e);
        } finally {
            lexing.interrupt();
        }
    }

    /**
     * The next tokens, up to and including EOF; each word's and comment's text is read here,
     * once, through {@code words} when given.
     */
    private static Batch lex(org.antlr.v4.runtime.TokenSource lexer, WordCache words) {
        Token[] tokens = new Token[BATCH];
        String[] texts = new String[BATCH];
        int n = 0;
        while (n < BATCH) {
            Token t = lexer.nextToken();
            int type = t.getType();
            tokens[n] = t;
            if (NginxWords.isWord(t)) {
                texts[n] = words == null ? t.getText() : words.text(t.getStartIndex(), t.getStopIndex());
                assert texts[n].equals(t.getText()) : t;
            } else if (type == NginxLexer.COMMENT) {
                texts[n] = t.getText();
            }
            n++;
            if (type == Token.EOF) break;
        }
        return new Batch(tokens, texts, n, null);
    }

    /** Feeds tokens to the structure pass and keeps the comments, each knowing whether it has its line to itself. */
    private static final class Reader {
        private final String file;
        private final NginxStructure structure;
        private final List<Comment> comments;
        private Token previous;
        private String previousText;

        Reader(String file, NginxStructure structure, List<Comment> comments) {
            this.file = file;
            this.structure = structure;
            this.comments = comments;
        }

        /** False once the file is not to be read further. */
        boolean take(Batch batch) {
            for (int i = 0; i < batch.size(); i++) {
                Token t = batch.tokens()[i];
                String raw = batch.texts()[i];
                if (t.getType() == NginxLexer.COMMENT) {
                    boolean ownLine = previous == null || end(previous, previousText) < t.getLine();
                    comments.add(new Comment(raw, Positions.of(file, t, raw), ownLine));
                } else if (!structure.accept(t, raw)) {
                    return false;
                }
                previous = t;
                previousText = raw;
            }
            return true;
        }

        private int end(Token t, String raw) {
            return (raw == null ? Positions.of(file, t) : Positions.of(file, t, raw)).endLine();
        }
    }

    /** Tokens to model: the first word is the directive, the rest its arguments. */
    private static final class Builder implements NginxStructure.Sink {
        private final String file;
        /** The words of the statement being read, and their raw texts. */
        private final List<Token> words = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        /** The statements of the innermost open block (the file's, at top level). */
        private List<Directive> statements = new ArrayList<>();
        private final ArrayDeque<OpenBlock> open = new ArrayDeque<>();
        /** Directive names repeat thousands of times in a large file: one string each. */
        private final Map<String, String> names = new HashMap<>();

        /** Whether the innermost open block holds an include (directly or deeper), and the blocks that do. */
        private boolean includeHere;
        final java.util.Set<Directive> includeHolders = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        private record OpenBlock(Token[] words, String[] texts, Token brace, List<Directive> outer, boolean outerInclude) {}

        Builder(String file) {
            this.file = file;
        }

        @Override
        public void word(Token t, String text) {
            words.add(t);
            texts.add(text);
        }

        @Override
        public void semicolon(Token t) {
            // a statement ends one column past its one-character ";" (no Origin made only to read that)
            statements.add(directive(words, texts, t.getLine(), t.getCharPositionInLine() + 2, null, null, null));
            words.clear();
            texts.clear();
        }

        @Override
        public void open(Token brace) {
            open.push(new OpenBlock(words.toArray(Token[]::new), texts.toArray(String[]::new), brace, statements, includeHere));
            statements = new ArrayList<>();
            includeHere = false;
            words.clear();
            texts.clear();
        }

        @Override
        public void lua(Token t) {
            // Lua code is one argument, as crossplane has it: the text between the braces
            String code = t.getText();
            Origin at = Positions.of(file, t, code);
            Value.Scalar lua = new Value.Scalar(code.substring(1, code.length() - 1), false, at);
            statements.add(directive(words, texts, at.endLine(), at.endColumn(), null, null, lua));
            words.clear();
            texts.clear();
        }

        @Override
        public void close(Token t) {
            OpenBlock b = open.pop();
            List<Directive> block = statements;
            statements = b.outer();
            boolean inner = includeHere;
            includeHere = b.outerInclude();
            Directive d = directive(java.util.Arrays.asList(b.words()), java.util.Arrays.asList(b.texts()),
                    t.getLine(), t.getCharPositionInLine() + 2, block, Positions.of(file, b.brace(), "{"), null);
            if (inner && d.hasBlock()) {
                includeHolders.add(d);
                includeHere = true;
            }
            statements.add(d);
        }

        private Value.Scalar argument(List<Token> words, List<String> texts, int i) {
            Token w = words.get(i);
            String raw = texts.get(i);
            return Positions.scalar(file, w, raw, NginxWords.value(w, raw), NginxWords.isQuoted(w));
        }

        private Directive directive(List<Token> words, List<String> texts, int endLine, int endColumn,
                                    List<Directive> block, Origin opening, Value lua) {
            Token first = words.get(0);
            // interned: checks look names up in tables of literal directive names (same object: no character compare)
            String name = names.computeIfAbsent(NginxWords.value(first, texts.get(0)), String::intern);
            Origin nameAt = Positions.of(file, first, texts.get(0));
            // immutable as made, without a list or array to copy it from for the one or two
            // arguments most statements have (Directive keeps an immutable list as it is)
            int n = words.size() - 1 + (lua == null ? 0 : 1);
            List<Value> args = switch (n) {
                case 0 -> List.of();
                case 1 -> List.of(lua != null ? lua : argument(words, texts, 1));
                case 2 -> List.of(argument(words, texts, 1), lua != null ? lua : argument(words, texts, 2));
                default -> {
                    Value[] values = new Value[n];
                    for (int i = 1; i < words.size(); i++) values[i - 1] = argument(words, texts, i);
                    if (lua != null) values[n - 1] = lua;
                    yield List.of(values);
                }
            };
            // names are lower-case in nginx: the key is the name (toLowerCase returns it as it is)
            String key = name.toLowerCase(java.util.Locale.ROOT);
            // an include never has a block of its own (nginx reads only its one path)
            if (NginxLoader.isInclude(name, args)) {
                includeHere = true;
                return new Directive(name, key, nameAt, args, false, null, null, endLine, endColumn, List.of());
            }
            return new Directive(name, key, nameAt, args, false, block, opening, endLine, endColumn, List.of());
        }
    }
}
