package io.epewatch.recognition;

import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Threads for ONNX Runtime. Its native session set-up recurses deeply and runs on the calling thread's stack: with
 * the JVM's default 1 MB (less what a long class path costs the main thread) it crashes the whole process with a
 * segmentation fault, so models are loaded and run only on these platform threads with a 16 MB stack.
 */
public final class RecognitionThreads implements ThreadFactory {

    static final long STACK_BYTES = 16L * 1024 * 1024;

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    public RecognitionThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(null, task, prefix + "-" + count.incrementAndGet(), STACK_BYTES);
        thread.setDaemon(true);
        return thread;
    }

    /** Runs {@code task} on a fresh recognition thread and waits for its result. */
    public static <T> T call(Callable<T> task) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new RecognitionThreads("recognition-call").newThread(() -> {
            try {
                outcome.set(task.call());
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for recognition", e);
        }
        Object result = outcome.get();
        if (result instanceof RuntimeException e) {
            throw e;
        }
        if (result instanceof Error e) {
            throw e;
        }
        if (result instanceof Throwable e) {
            throw new IllegalStateException(e);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result;
        return value;
    }
}
