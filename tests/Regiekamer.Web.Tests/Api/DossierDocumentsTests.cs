using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using Regiekamer.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Regiekamer.Web.Tests.Api;

/// <summary>Issue 8: the receipt, the version, the decision letter and the commitment statement as PDFs, and the version's bundle, through the API and the pages.</summary>
public sealed class DossierDocumentsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheDossiersDocuments_ArePdfsAndAZip_ThatSayWhatWasSubmitted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var own = await app.ScheldelandAsync();
        var dossier = await app.Services.CreateApplicationAsync(a => a.For(own).ExtendedUntil(new DateOnly(2025, 6, 30)).Submitted());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ReviewService>().DecideAsync(dossier.Id, new DecisionInput("reject", "Het plan dekt R10 niet voldoende.", "R10"))).IsSuccess);
        }

        using var member = app.Client($"MemberViewer:{own}");
        var version = await member.GetJsonAsync($"/api/v1/applications/{dossier.Id}/versions/1");
        var sha = (string)version["sha256"]!;

        var receipt = await PdfTextAsync(member, $"/api/v1/applications/{dossier.Id}/versions/1/receipt");
        Assert.Contains(dossier.DossierNumber, receipt, StringComparison.Ordinal);
        Assert.Contains(sha[..8], receipt, StringComparison.Ordinal);
        Assert.Contains("01/06/2025", receipt, StringComparison.Ordinal);

        var whole = await PdfTextAsync(member, $"/api/v1/applications/{dossier.Id}/versions/1/document");
        Assert.Contains("WSE-LR4", whole, StringComparison.Ordinal);
        Assert.Contains("0316.381.039", whole, StringComparison.Ordinal);

        var decisions = (await member.GetJsonAsync($"/api/v1/applications/{dossier.Id}/decisions")).AsArray();
        var letter = await PdfTextAsync(member, $"/api/v1/applications/{dossier.Id}/decisions/{(int)decisions[0]!["id"]!}/letter");
        Assert.Contains("R10", letter, StringComparison.Ordinal);
        Assert.Contains("afgewezen", letter, StringComparison.OrdinalIgnoreCase);

        var statement = await PdfTextAsync(member, $"/api/v1/applications/{dossier.Id}/commitment-statement");
        Assert.Contains("Verbintenisverklaring", statement, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.ScheldelandName, statement, StringComparison.Ordinal);

        using var bundle = await member.GetAsync(new Uri($"/api/v1/applications/{dossier.Id}/versions/1/bundle", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("nosniff", bundle.Headers.GetValues("X-Content-Type-Options").Single());
        using var zip = new ZipArchive(await bundle.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var json = zip.Entries.Single(e => e.FullName == "inhoud.json");
        await using (var stream = json.Open())
        {
            Assert.Equal(sha, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)));
        }

        Assert.Contains(zip.Entries, e => e.FullName.EndsWith(".csv", StringComparison.Ordinal));
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith("beoordeling", StringComparison.Ordinal));
        Assert.Contains(zip.Entries, e => e.FullName == "beslissing-versie-1.pdf");

        // The pages offer the same: the statement as HTML and the receipt through the version page.
        var page = await member.GetPageAsync($"/Applications/{dossier.Id}/Commitment/Statement");
        Assert.Contains(DemoAccounts.ScheldelandName, page.One("article.statement").TextContent, StringComparison.Ordinal);
        using var viaPage = await member.GetAsync(new Uri($"/Applications/{dossier.Id}/Versions/1?handler=Receipt", UriKind.Relative));
        Assert.Equal("application/pdf", viaPage.Content.Headers.ContentType?.MediaType);

        // Another partnership's member sees none of it.
        var other = await OtherAsync(app, own);
        using var stranger = app.Client($"MemberViewer:{other}");
        using var refused = await stranger.GetAsync(new Uri($"/api/v1/applications/{dossier.Id}/versions/1/bundle", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static async Task<string> PdfTextAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(bytes);
        var text = new StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            text.Append(string.Join(" ", page.GetWords().Select(w => w.Text))).Append('\n');
        }

        return text.ToString();
    }


    private static async Task<int> OtherAsync(TestApp app, int own)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegiekamerDb>().Partnerships.Where(p => p.Id != own).Select(p => p.Id).FirstAsync();
    }
}
