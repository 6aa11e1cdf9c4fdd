using System.Collections.Concurrent;
using Regiekamer.Core.Mail;

namespace Regiekamer.TestCommon;

/// <summary>
/// A mail server for tests: it keeps every mail it is given (thread-safe, so two outbox runs can share it), and can be
/// told to fail the next sends or to crash once. Mock only what is outside: the mail server is.
/// </summary>
public sealed class RecordingMailSender : IMailSender
{
    private readonly ConcurrentQueue<OutgoingMail> _sent = new();
    private int _failures;
    private Exception? _crash;

    public IReadOnlyList<OutgoingMail> Sent => _sent.ToList();

    /// <summary>How long each send takes (a real server takes a while; it widens the window in which two runs could collide).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The next <paramref name="count"/> sends throw <see cref="IOException"/>, as an unreachable server does.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failures, count);

    /// <summary>The next send throws this instead, once: an exception the outbox does not expect, standing for a crash mid-send.</summary>
    public void CrashNext(Exception crash) => Volatile.Write(ref _crash, crash);

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, ct);
        }

        if (Interlocked.Exchange(ref _crash, null) is { } crash)
        {
            throw crash;
        }

        while (Volatile.Read(ref _failures) is var left && left > 0)
        {
            if (Interlocked.CompareExchange(ref _failures, left - 1, left) == left)
            {
                throw new IOException("The mail server is not reachable (test).");
            }
        }

        _sent.Enqueue(mail);
    }
}
