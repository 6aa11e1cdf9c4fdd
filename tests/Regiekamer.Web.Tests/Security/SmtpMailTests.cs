using System.Net;
using System.Net.Sockets;
using System.Text;
using Regiekamer.Core.Data;
using Regiekamer.Web.Tests.Infrastructure;
using static Regiekamer.Web.Tests.Security.SignInFlow;

namespace Regiekamer.Web.Tests.Security;

/// <summary>Issue 3: with Mail:Smtp:Host configured, the reset mail goes out over SMTP instead of into the pickup folder.</summary>
public sealed class SmtpMailTests
{
    [Fact]
    public async Task PasswordReset_WithSmtpConfigured_IsDeliveredToTheSmtpServer_WithTheResetLink()
    {
        using var smtp = new FakeSmtpServer();
        var pickup = Path.Combine(Path.GetTempPath(), "regiekamer-pickup-" + Guid.NewGuid().ToString("N"));
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, demo: false, realSignIn: true, settings: new Dictionary<string, string>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:EnableSsl"] = "false",
            ["Mail:From"] = "regiekamer@vlaanderen.test",
            ["Mail:PickupFolder"] = pickup,
        });
        await CreateUserAsync(app, "smtp@regie.test");

        using var response = await SubmitAsync(app.Client(role: null), "/Account/ForgotPassword", "main form[method=post]", new Dictionary<string, string> { ["Email"] = "smtp@regie.test" });

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"got {(int)response.StatusCode}");
        var mail = await smtp.NextMessageAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("<regiekamer@vlaanderen.test>", mail.From);
        Assert.Equal(["<smtp@regie.test>"], mail.To);
        Assert.Contains("Subject: ", mail.Data, StringComparison.Ordinal);
        Assert.Contains("/Account/ResetPassword?email=", Body(mail.Data), StringComparison.Ordinal);
        Assert.False(Directory.Exists(pickup) && Directory.EnumerateFiles(pickup).Any(), "Nothing goes to the pickup folder when SMTP is configured.");
    }

    public sealed record Message(string From, IReadOnlyList<string> To, string Data);

    /// <summary>The body of a single-part message, decoded from base64 or quoted-printable as its header says.</summary>
    private static string Body(string data)
    {
        var split = data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = data[..split];
        var body = data[(split + 4)..];
        if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)));
        }

        if (headers.Contains("Content-Transfer-Encoding: quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            var unfolded = body.Replace("=\r\n", "", StringComparison.Ordinal);
            var bytes = new List<byte>();
            for (var i = 0; i < unfolded.Length; i++)
            {
                if (unfolded[i] == '=' && i + 2 < unfolded.Length)
                {
                    bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.Add((byte)unfolded[i]);
                }
            }

            return Encoding.UTF8.GetString(bytes.ToArray());
        }

        return body;
    }

    /// <summary>Just enough SMTP (RFC 5321, no TLS, no auth) on a loopback port to receive one client's mails.</summary>
    private sealed class FakeSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly TaskCompletionSource<Message> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource _stop = new();

        public FakeSmtpServer()
        {
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public async Task<Message> NextMessageAsync(TimeSpan timeout) => await _first.Task.WaitAsync(timeout);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task ServeAsync()
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                using var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 fake.smtp ESMTP");
                string? from = null;
                var to = new List<string>();
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var verb = line.Split(' ', ':')[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                        case "HELO":
                            await writer.WriteLineAsync("250 fake.smtp");
                            break;
                        case "MAIL":
                            from = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0];
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RCPT":
                            to.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(_stop.Token) is { } d && d != ".")
                            {
                                data.Append(d).Append("\r\n");
                            }

                            await writer.WriteLineAsync("250 OK queued");
                            _first.TrySetResult(new Message(from ?? "", to.ToList(), data.ToString()));
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 OK");
                            break;
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException or SocketException)
            {
                _first.TrySetException(e);
            }
        }
    }
}
