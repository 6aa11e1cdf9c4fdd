using System.Globalization;
using Regiekamer.Core.Grants.OpenData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.OpenData;

/// <summary>
/// Public: <c>/api/v1/published-decrees</c> (the published ministerial decrees with their lines) and
/// <c>/api/v1/open-data/360giving.json</c> (the grants in force as a 360Giving package). No sign-in; a decree that is
/// a draft or signed but not published is never shown (404, as one that does not exist).
/// </summary>
public static class OpenDataApi
{
    public const string Tag = "Open data";

    public const string ThreeSixtyGivingPath = "/api/v1/open-data/360giving.json";

    public const string JsonType = "application/json";

    /// <summary>The PDF of a published decree.</summary>
    public static string PdfUrl(int decreeId) => string.Create(CultureInfo.InvariantCulture, $"/OpenData/Decrees/{decreeId}/pdf");

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var decrees = api.MapGroup("/published-decrees").WithTags(Tag).AllowAnonymous();
        decrees.MapGet("/", ListAsync)
            .WithSummary("The published ministerial decrees (R13), by call, year and date, each with its number, date, legal basis, the decree it amends (amendsNumber) and the published decree that amends it (amendedByNumber), and its lines: beneficiary (R4), its kind and KBO number, the partnership and the amount (\"35000.00\"). Public: no sign-in needed. Drafts and decrees that are signed but not published are not listed.")
            .Produces<List<PublishedDecreeDto>>(StatusCodes.Status200OK);
        decrees.MapGet("/{id:int}", GetAsync)
            .WithSummary("One published decree with its lines. Public; 404 for a decree that does not exist or is not published.")
            .Produces<PublishedDecreeDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status404NotFound);

        api.MapGet("/open-data/360giving.json", ThreeSixtyGivingAsync).WithTags(Tag).AllowAnonymous()
            .WithSummary("The grants in force as a 360Giving Data Standard 1.4 package, valid against its JSON schema: one grant per line of each published decree in force (a line that a signed or published amending decree replaced is not a current grant), with the decree's number and date, the beneficiary with its KBO number as org-id and the member municipalities' NIS codes. Streamed, application/json. Public. 404 (errorCode nothing-published) while no published decree is in force: the standard needs at least one grant.")
            .Produces<ThreeSixtyGivingPackageDto>(StatusCodes.Status200OK, JsonType)
            .ProducesProblems(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.Responses?.TryGetValue("404", out var notFound) == true && notFound is Microsoft.OpenApi.OpenApiResponse response)
                {
                    response.Description = "No published decree is in force yet (errorCode nothing-published): a 360Giving package needs at least one grant.";
                }

                return Task.CompletedTask;
            });
    }

    private static async Task<IResult> ListAsync(OpenDataService openData, CancellationToken ct) =>
        TypedResults.Ok((await openData.PublishedAsync(ct)).Select(PublishedDecreeDto.Of).ToList());

    private static async Task<IResult> GetAsync(int id, OpenDataService openData, CancellationToken ct) =>
        await openData.GetPublishedAsync(id, ct) is { } published
            ? TypedResults.Ok(PublishedDecreeDto.Of(published))
            : Problems.From(OpenDataService.NotPublished(id));

    /// <summary>Written to the response as the lines are read, so memory stays flat however many grants there are.</summary>
    private static async Task<IResult> ThreeSixtyGivingAsync(OpenDataService openData, OpenDataSettings settings, CancellationToken ct)
    {
        var decrees = await openData.CurrentDecreesAsync(ct);
        if (decrees.Count == 0)
        {
            return Problems.From(OpenDataService.NothingPublished);
        }

        return TypedResults.Stream(
            stream => ThreeSixtyGiving.WriteAsync(stream, openData.GrantsAsync(decrees, ct), settings.Publisher, ct),
            JsonType + "; charset=utf-8");
    }
}
