using Regiekamer.Core.Vouchers;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.VoucherForms;

/// <summary>A company's application as the public API takes it (the form's fields).</summary>
public sealed record VoucherApplicationRequest(string? CompanyKbo, string? CompanyName, string? CompanyAddress, string? ContactName, string? ContactEmail, string? ContactPhone, int? ProviderActorId, string? Service, bool DeclaredNotRelated)
{
    public VoucherApplicationInput ToInput() => new(CompanyKbo, CompanyName, CompanyAddress, ContactName, ContactEmail, ContactPhone, ProviderActorId, Service, DeclaredNotRelated);
}

/// <summary>The answer to every accepted application: the same words whoever applies, so it reveals nothing about known companies or addresses.</summary>
public sealed record VoucherApplicationReceivedDto(string MessageNl, string MessageEn);

/// <summary>
/// <c>POST /api/v1/voucher-schemes/{schemeId}/applications</c>: anonymous and rate-limited, the public form's twin. 202
/// with the same body for every well-formed application (the confirmation link goes by mail), 400 for the input's own
/// format errors, 404 for a scheme that is not open, 422 for a rule of the input (KC3 period, KC4 declaration, KC5 provider).
/// </summary>
public static class VoucherFormsApi
{
    public const string Tag = "Vouchers (public)";

    public static readonly VoucherApplicationReceivedDto Received = new(
        "Bedankt. Als het e-mailadres klopt, ontvangt u een mail met een link om de aanvraag te bevestigen. Pas na die bevestiging bekijkt de regisseur ze.",
        "Thank you. If the e-mail address is right, you receive a mail with a link to confirm the application. Only after that confirmation does the regisseur look at it.");

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGroup("/voucher-schemes").WithTags(Tag).AllowAnonymous().RequireRateLimiting(VoucherFormsFeature.RateLimit)
            .MapPost("/{schemeId:int}/applications", ApplyAsync)
            .WithSummary("A company applies for an introduction voucher before it buys (public, rate-limited, 429 beyond the limit). companyKbo: ten digits with valid check digits; contactEmail receives the link to confirm (nothing happens before it is followed); providerActorId: one of the scheme's providers (KC5); declaredNotRelated: the company's declaration that it is not related to the provider (KC4). The answer never says whether the company or address is known: 202 with the same body for every accepted application.")
            .Produces<VoucherApplicationReceivedDto>(StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> ApplyAsync(int schemeId, VoucherApplicationRequest body, VoucherService vouchers, HttpContext http, CancellationToken ct)
    {
        var result = await vouchers.ApplyAsync(schemeId, body.ToInput(), http.Connection.RemoteIpAddress?.ToString(), ct);
        return result.IsSuccess ? TypedResults.Accepted((string?)null, Received) : Problems.From(result.Errors);
    }
}
