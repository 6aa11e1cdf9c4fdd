using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Regiekamer.Core.Data;
using Regiekamer.Web.Tests.Infrastructure;

namespace Regiekamer.Web.Tests.OpenApi;

/// <summary>
/// The API's contract is committed (docs/openapi/v1.json) so a change to it shows up in review. When the API changes
/// on purpose, regenerate the file: <c>UPDATE_OPENAPI=1 dotnet test tests/Regiekamer.Web.Tests --filter OpenApi</c>.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private const string CommittedPath = "docs/openapi/v1.json";

    [Fact]
    public async Task OpenApiDocument_MatchesTheCommittedFile()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, demo: false);
        using var client = app.Client();
        var served = Normalise(await client.GetJsonAsync("/openapi/v1.json"));
        var path = Repository.PathOf(CommittedPath);

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, Serialise(served), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return;
        }

        Assert.True(File.Exists(path), $"{CommittedPath} does not exist. Run the tests with the environment variable UPDATE_OPENAPI=1 to write it, and commit it.");
        var committed = Normalise(JsonNode.Parse(await File.ReadAllTextAsync(path))!);
        if (!JsonNode.DeepEquals(committed, served))
        {
            Assert.Fail(
                $"The API's OpenAPI document differs from the committed {CommittedPath} (first difference at {FirstDifference(committed, served, "$")}). "
                + "If the API change is intended, run the tests with the environment variable UPDATE_OPENAPI=1 "
                + "(UPDATE_OPENAPI=1 dotnet test tests/Regiekamer.Web.Tests --filter OpenApi) and commit the rewritten file.");
        }
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryApiGroup()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, demo: false);
        using var client = app.Client();

        var document = await client.GetJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var expected in new[] { "/api/v1/reference/municipalities", "/api/v1/partnerships", "/api/v1/partnerships/{partnershipId}", "/api/v1/eligibility", "/api/v1/allocation", "/api/v1/allocation/runs", "/api/v1/what-if", "/api/v1/coverage" })
        {
            Assert.Contains(paths, p => p.TrimEnd('/') == expected);
        }

        Assert.DoesNotContain(paths, p => p == "/health" || p.StartsWith("/culture", StringComparison.Ordinal));
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
    }

    /// <summary>
    /// Machine clients can rely on the document: every operation says what it answers on success (a schema, or the
    /// content type of a file, or 204), every error is ProblemDetails, and every operation that needs a user names the
    /// bearer scheme and answers 401/403; the public ones (coverage, published allocations) do neither.
    /// </summary>
    [Fact]
    public async Task OpenApiDocument_DeclaresResponsesAndSecurityOfEveryOperation()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, demo: false);
        using var client = app.Client();
        var document = await client.GetJsonAsync("/openapi/v1.json");

        var bearer = document["components"]?["securitySchemes"]?["Bearer"];
        Assert.NotNull(bearer);
        Assert.Equal("http", (string?)bearer["type"]);
        Assert.Equal("bearer", (string?)bearer["scheme"]);

        var anonymous = new[] { "GET /api/v1/coverage", "GET /api/v1/published-allocations", "GET /api/v1/published-allocations/{id}", "GET /api/v1/published-decrees", "GET /api/v1/published-decrees/{id}", "GET /api/v1/open-data/360giving.json", "GET /api/v1/catalogue", "GET /api/v1/catalogue/categories", "POST /api/v1/voucher-schemes/{schemeId}/applications" };
        var files = new Dictionary<string, string>
        {
            ["GET /api/v1/audit/export.csv"] = "text/csv",
            ["GET /api/v1/reference/boundaries/{set}"] = "application/geo+json",
            ["GET /api/v1/applications/{applicationId}/plan"] = "text/csv",
            ["GET /api/v1/applications/plans"] = "text/csv",
            ["GET /api/v1/applications/{applicationId}/attachments/{attachmentId}"] = "application/pdf",
            ["GET /api/v1/applications/{applicationId}/versions/{number}/receipt"] = "application/pdf",
            ["GET /api/v1/applications/{applicationId}/versions/{number}/document"] = "application/pdf",
            ["GET /api/v1/applications/{applicationId}/versions/{number}/bundle"] = "application/zip",
            ["GET /api/v1/applications/{applicationId}/decisions/{decisionId}/letter"] = "application/pdf",
            ["GET /api/v1/applications/{applicationId}/commitment-statement"] = "application/pdf",
            ["GET /api/v1/payments/orders"] = "text/csv",
            ["GET /api/v1/ledger/export"] = "text/csv",
            ["GET /api/v1/reports/{reportId}/receipt.pdf"] = "application/pdf",
            ["GET /api/v1/reports/{reportId}/decision.pdf"] = "application/pdf",
            ["GET /api/v1/partnerships/{partnershipId}/voucher-schemes/{schemeId}/vouchers/export"] = "text/csv",
            ["GET /api/v1/partnerships/{partnershipId}/voucher-schemes/{schemeId}/vouchers/{voucherId}/files/{kind}"] = "application/pdf",
        };
        var wrong = new List<string>();
        var seenAnonymous = new List<string>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var key = $"{method.ToUpperInvariant()} {path.TrimEnd('/')}";
                var responses = operation!["responses"]!.AsObject();
                var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
                if (success.Count == 0)
                {
                    wrong.Add($"{key}: no 2xx response");
                }

                foreach (var (status, response) in success)
                {
                    var content = response?["content"]?.AsObject();
                    if (status == "204")
                    {
                        if (content is { Count: > 0 })
                        {
                            wrong.Add($"{key}: 204 with content");
                        }

                        continue;
                    }

                    var expected = files.GetValueOrDefault(key, "application/json");
                    if (content?[expected]?["schema"] is not JsonObject { Count: > 0 })
                    {
                        wrong.Add($"{key}: {status} without a schema for {expected} (has {string.Join(", ", content?.Select(c => c.Key) ?? [])})");
                    }
                }

                foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
                {
                    if ((string?)response?["content"]?["application/problem+json"]?["schema"]?["$ref"] != "#/components/schemas/ProblemDetails")
                    {
                        wrong.Add($"{key}: {status} is not ProblemDetails");
                    }
                }

                var security = operation["security"]?.AsArray();
                var requiresBearer = security is not null && security.Any(s => s?["Bearer"] is JsonArray);
                var has401And403 = responses.ContainsKey("401") && responses.ContainsKey("403");
                if (anonymous.Contains(key))
                {
                    seenAnonymous.Add(key);
                    if (security is { Count: > 0 } || responses.ContainsKey("401") || responses.ContainsKey("403"))
                    {
                        wrong.Add($"{key}: public, but declares security, 401 or 403");
                    }
                }
                else if (!requiresBearer || !has401And403)
                {
                    wrong.Add($"{key}: needs a signed-in user, but{(requiresBearer ? "" : " has no Bearer security requirement")}{(requiresBearer || has401And403 ? "" : " and")}{(has401And403 ? "" : " lacks 401/403")}");
                }
            }
        }

        Assert.True(wrong.Count == 0, "The OpenAPI document is incomplete:\n" + string.Join("\n", wrong));
        Assert.Equal(anonymous.Order(StringComparer.Ordinal), seenAnonymous.Order(StringComparer.Ordinal));
    }

    /// <summary>The server address depends on the host the test ran on; it is not part of the contract.</summary>
    private static JsonNode Normalise(JsonNode document)
    {
        var copy = document.DeepClone();
        copy.AsObject().Remove("servers");
        return copy;
    }

    private static string Serialise(JsonNode document) =>
        document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";

    private static string FirstDifference(JsonNode? a, JsonNode? b, string path)
    {
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                {
                    if (!x.ContainsKey(key) || !y.ContainsKey(key))
                    {
                        return $"{path}.{key} ({(x.ContainsKey(key) ? "only in the committed file" : "only in the served document")})";
                    }

                    if (!JsonNode.DeepEquals(x[key], y[key]))
                    {
                        return FirstDifference(x[key], y[key], $"{path}.{key}");
                    }
                }

                return path;
            case (JsonArray x, JsonArray y):
                for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
                {
                    if (!JsonNode.DeepEquals(x[i], y[i]))
                    {
                        return FirstDifference(x[i], y[i], $"{path}[{i}]");
                    }
                }

                return $"{path} (committed has {x.Count} items, served {y.Count})";
            default:
                return $"{path}: committed {a?.ToJsonString() ?? "null"}, served {b?.ToJsonString() ?? "null"}";
        }
    }
}
