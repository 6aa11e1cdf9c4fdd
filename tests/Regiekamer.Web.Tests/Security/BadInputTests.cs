using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Features.Account;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.Security;

/// <summary>Issue 3: oversized bodies, malformed or dead tokens and forged antiforgery fields get a 4xx that says why, and change nothing.</summary>
public sealed class BadInputTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OversizedBodies_Get413_AndChangeNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var who = await Principals.CreateAsync(app);
        using var administrator = who.Client(app, Who.Administrator);
        var before = await Principals.StateAsync(app);

        var huge = new string('x', (int)AccountsSetup.MaxRequestBodyBytes + 1);
        using (var json = new StringContent("{\"name\":\"" + huge + "\"}", Encoding.UTF8, "application/json"))
        using (var response = await administrator.PostAsync(new Uri("/api/v1/partnerships", UriKind.Relative), json))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Contains("te groot", text, StringComparison.Ordinal);
            Assert.Contains("too large", text, StringComparison.Ordinal);
        }

        using (var csv = new StringContent("nis_code,job_seekers\n" + huge, Encoding.UTF8, "text/csv"))
        using (var response = await administrator.PostAsync(new Uri("/api/v1/imports/job-seekers?referenceDate=2025-01-01&source=test", UriKind.Relative), csv))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }

        using (var form = new FormUrlEncodedContent([new("Input.Name", huge)]))
        using (var response = await administrator.PostAsync(new Uri("/Partnerships/New", UriKind.Relative), form))
        {
            // A person gets the error page, in the site's layout, saying why.
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Het verzoek is te groot (hoogstens 10 MB).", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await Principals.StateAsync(app));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")] // the developer error page once answered here, with the exception instead of the message
    public async Task OversizedChunkedBody_OnKestrel_IsCutOffAt413_AndChangesNothing(string environment)
    {
        var (app, address) = await TestApp.StartKestrelAsync(DatabaseProvider.Sqlite, realSignIn: true, settings: new Dictionary<string, string> { ["environment"] = environment });
        await using (app)
        {
            var who = await Principals.CreateAsync(app);
            var before = await Principals.StateAsync(app);
            using var tokenClient = who.Client(app, Who.Administrator);

            // No Content-Length: Kestrel counts while the app reads and stops at the limit. A raw socket, because the
            // server answers (and closes) before the client has sent everything, which HttpClient reports as an error.
            var (status, body) = await PostChunkedAsync(address, "/api/v1/imports/job-seekers?referenceDate=2025-01-01&source=test", tokenClient.DefaultRequestHeaders.Authorization!.ToString(), AccountsSetup.MaxRequestBodyBytes + 1024 * 1024);

            Assert.Equal(environment, app.Services.GetRequiredService<IWebHostEnvironment>().EnvironmentName);
            Assert.Equal(413, status);
            Assert.Contains("\"errorCode\":\"request-too-large\"", body, StringComparison.Ordinal);
            Assert.Equal(before, await Principals.StateAsync(app));
        }
    }

    /// <summary>Sends a chunked CSV body of about the given length and returns the answer's status code and body, read as soon as one comes.</summary>
    private static async Task<(int Status, string Body)> PostChunkedAsync(Uri address, string path, string authorization, long length)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: {authorization}\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var rows = string.Concat(Enumerable.Repeat("11002,1000\n", 6000));
        var chunk = Encoding.ASCII.GetBytes($"{Encoding.ASCII.GetByteCount(rows):x}\r\n{rows}\r\n");
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"15\r\nnis_code,job_seekers\n\r\n"));
            for (long sent = 0; sent < length && tcp.Available == 0; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }

            if (tcp.Available == 0)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("0\r\n\r\n"));
            }
        }
        catch (IOException)
        {
            // The server refused the rest of the body; its answer is already on the way.
        }

        // The server closes the connection after its answer, as it does not read the rest of the body.
        using var answer = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[4096];
        int read;
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            answer.Write(buffer, 0, read);
        }

        var text = Encoding.UTF8.GetString(answer.ToArray());
        var statusLine = text.Split("\r\n")[0];
        Assert.StartsWith("HTTP/1.1 ", statusLine, StringComparison.Ordinal);
        return (int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MalformedUnknownAndRevokedTokens_Get401SayingWhy_AndChangeNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var who = await Principals.CreateAsync(app);
        string revoked;
        using (var scope = app.Services.CreateScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
            var created = await tokens.CreateAsync(who.UserId(Who.Administrator), "to revoke");
            Assert.True((await tokens.RevokeAsync(created.Value!.Token.Id, who.UserId(Who.Administrator))).IsSuccess);
            revoked = created.Value.Secret;
        }

        var before = await Principals.StateAsync(app);
        var cases = new (string Header, string ErrorCode)[]
        {
            ("Bearer not-a-token", "token-malformed"),
            ("Bearer rk_" + new string('!', 43), "token-malformed"),
            ("Bearer rk_" + new string('A', 44), "token-malformed"),
            ("Bearer rk_" + new string('A', 43), "token-unknown"),
            ("Bearer " + revoked, "token-revoked"),
        };

        foreach (var (header, errorCode) in cases)
        {
            foreach (var (method, url) in new[] { ("GET", "/api/v1/partnerships"), ("PUT", $"/api/v1/partnerships/{who.Own}"), ("GET", "/Partnerships") })
            {
                using var client = app.Client(role: null);
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
                request.Headers.TryAddWithoutValidation("Authorization", header);
                if (method == "PUT")
                {
                    request.Content = new StringContent("{\"name\":\"Overgenomen\",\"version\":1}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var what = $"{method} {url} with '{header[..Math.Min(header.Length, 20)]}…'";
                await response.ReadProblemAsync(401, errorCode, what);
                Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await Principals.StateAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ForgedAntiforgeryFields_Get400_AndChangeNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realSignIn: true);
        var who = await Principals.CreateAsync(app);
        using var regisseur = who.Client(app, Who.Regisseur);
        using var caseHandler = who.Client(app, Who.CaseHandler);
        var before = await Principals.StateAsync(app);

        var form = (IHtmlFormElement)(await regisseur.GetPageAsync($"/Partnerships/{who.Own}/Edit")).One("main form[method=post]");
        var theirs = (IHtmlFormElement)(await caseHandler.GetPageAsync($"/Partnerships/{who.Own}/Edit")).One("main form[method=post]");
        var real = form.QuerySelector("input[name=__RequestVerificationToken]") is IHtmlInputElement { } input ? input.Value : "";
        Assert.NotEmpty(real);
        var forgeries = new Dictionary<string, string>
        {
            ["altered"] = real[..^4] + (real[^4..] == "AAAA" ? "BBBB" : "AAAA"),
            ["made up"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('x', 120))),
            ["empty"] = "",
            ["another user's"] = theirs.QuerySelector("input[name=__RequestVerificationToken]") is IHtmlInputElement { } other ? other.Value : "",
        };

        foreach (var (kind, token) in forgeries)
        {
            var fields = Html.Fields(form, new Dictionary<string, string> { ["Input.RegisseurName"] = "Vervalst", ["__RequestVerificationToken"] = token });
            using var content = new FormUrlEncodedContent(fields);
            using var response = await regisseur.PostAsync(new Uri($"/Partnerships/{who.Own}/Edit", UriKind.Relative), content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{kind} antiforgery token: expected 400, got {(int)response.StatusCode}");
            var page = await response.ReadPageAsync(400, $"{kind} antiforgery token");
            Assert.Contains("400", page.Body!.TextContent, StringComparison.Ordinal);
            Http.AssertNoInternals(page.Body.InnerHtml, $"{kind} antiforgery token");
        }

        Assert.Equal(before, await Principals.StateAsync(app));
    }
}
