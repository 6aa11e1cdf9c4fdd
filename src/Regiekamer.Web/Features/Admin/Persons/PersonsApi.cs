using Regiekamer.Core.Audit;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Admin.Persons;

/// <summary>What an erasure is asked for: the person's e-mail address, or the name of a contact without one.</summary>
public sealed record PersonRequest(string? Email, string? Name);

public static class PersonsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/persons").WithTags("Personal data").RequireAuthorization(Policies.Administrator);
        group.MapGet("/export", async Task<IResult> (string? email, string? name, PersonalDataService personalData, CancellationToken ct) =>
        {
            var export = await personalData.ExportAsync(new PersonQuery(email, name), ct);
            return export.IsSuccess ? TypedResults.Json(export.Value!, PersonalDataJson.Options) : Problems.From(export.Errors);
        }).WithSummary("Everything Regiekamer holds about one person (GDPR art. 15), by ?email or ?name: account, roles and tokens, partnership contacts, personal values and the audit records about or by them.")
          .Produces<PersonExport>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group.MapPost("/erase", async Task<IResult> (PersonRequest body, PersonalDataService personalData, CancellationToken ct) =>
        {
            var erased = await personalData.EraseAsync(new PersonQuery(body.Email, body.Name), ct);
            return erased.IsSuccess ? TypedResults.Ok(erased.Value!) : Problems.From(erased.Errors);
        }).WithSummary("Erases one person (GDPR art. 17): deletes their account, clears their partnership contacts and every personal value the audit trail refers to; the records then read 'gewiste persoon' and the chain still verifies. 409 for the last active administrator.")
          .Produces<ErasureResult>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }
}
