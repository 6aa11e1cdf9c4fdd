using System.Globalization;
using Regiekamer.Core.Imports;
using Regiekamer.Web.Features.Municipalities;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Imports;

public static class ImportsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/imports/{kind}", ImportAsync).WithTags("Reference data").Accepts<string>("text/csv").RequireAuthorization(Policies.Administrator)
          .WithSummary("Imports a CSV of figures (kind population or job-seekers) as new datasets with ?referenceDate=YYYY-MM-DD, ?source and ?title; all or nothing, and every municipality of 2019 must be in it.")
          .Produces<List<DatasetDto>>(StatusCodes.Status201Created)
          .ProducesProblems(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ImportAsync(string kind, string? referenceDate, string? source, string? title, HttpRequest request, ImportService imports, CancellationToken ct)
    {
        FigureFileKind fileKind;
        switch (kind)
        {
            case "population":
                fileKind = FigureFileKind.Population;
                break;
            case "job-seekers":
                fileKind = FigureFileKind.JobSeekers;
                break;
            default:
                return Problems.Invalid("kind", $"Soort '{kind}' bestaat niet; kies population of job-seekers.", $"Kind '{kind}' does not exist; choose population or job-seekers.");
        }

        if (!DateOnly.TryParseExact(referenceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Problems.Invalid("referenceDate", $"Referentiedatum '{referenceDate}' is geen datum (JJJJ-MM-DD).", $"Reference date '{referenceDate}' is not a date (YYYY-MM-DD).");
        }

        // Bytes, not text: the import decodes them strictly as UTF-8 and says so when they are not.
        var content = await CsvText.ReadAllBytesAsync(request.Body, ct);
        var result = await imports.ImportAsync(new ImportRequest(fileKind, $"{kind}.csv", date, source, title), content, ct);
        return result.IsSuccess ? TypedResults.Created("/api/v1/reference/datasets", result.Value!.Select(DatasetDto.Of).ToList()) : Problems.From(result.Errors);
    }
}
