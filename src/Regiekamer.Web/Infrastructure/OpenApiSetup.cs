using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Regiekamer.Web.Infrastructure;

/// <summary>
/// The OpenAPI document (/openapi/v1.json, committed as docs/openapi/v1.json): its description, the bearer API-token
/// scheme, the security requirement with 401/403 on every operation that needs a signed-in user, 413 on every operation
/// with a body, and the <c>errorCode</c>/<c>errors</c> that Problems and AccountProblems add to ProblemDetails.
/// </summary>
public static class OpenApiSetup
{
    /// <summary>The key of the security scheme in components.securitySchemes.</summary>
    public const string BearerScheme = "Bearer";

    private const string ProblemContentType = "application/problem+json";

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer(DescribeDocumentAsync);
        options.AddOperationTransformer(DescribeOperationAsync);
        options.AddSchemaTransformer(DescribeProblemDetailsAsync);
    }

    /// <summary>Declares ProblemDetails responses (application/problem+json) for each status code.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statusCodes);
        foreach (var status in statusCodes)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "Regiekamer API";
        document.Info.Version = "v1";
        document.Info.Description = "Lokale regierol sociale economie en werk: reference data, partnerships, eligibility (R1-R6), calls (R14), allocation (R13), what-if and coverage. Errors are ProblemDetails; errorCode is the rule ID where a rule is broken.";
        document.AddComponent<IOpenApiSecurityScheme>(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "rk_…",
            Description = "An API token from /Account/Manage/Tokens: 'Authorization: Bearer rk_…'. It acts as its user, with that user's roles. The web pages use the sign-in cookie instead.",
        });
        return Task.CompletedTask;
    }

    private static async Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.Responses ??= [];
        foreach (var (status, response) in operation.Responses)
        {
            if (response is OpenApiResponse r && r.Content?.ContainsKey(ProblemContentType) == true && ProblemDescription(status) is { } description)
            {
                r.Description = description;
            }
        }

        if (operation.RequestBody is not null)
        {
            operation.Responses.TryAdd("413", Problem(context, "The request body is larger than the limit (errorCode request-too-large)."));
        }

        if (await RequiresAuthorizationAsync(context))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            var unauthorized = Problem(context, "No API token or sign-in (errorCode unauthorized), or a bad token: token-malformed, token-unknown, token-revoked, token-expired or account-locked.");
            unauthorized.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["WWW-Authenticate"] = new OpenApiHeader { Description = "Bearer, or Bearer error=\"invalid_token\" for a bad token.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
            operation.Responses.TryAdd("401", unauthorized);
            operation.Responses.TryAdd("403", Problem(context, "Signed in, but the roles (or the partnership) do not give access (errorCode forbidden or administrator-two-factor)."));
        }

        SortResponses(operation.Responses);
    }

    /// <summary>Responses in the order of their status codes, whoever added them.</summary>
    private static void SortResponses(OpenApiResponses responses)
    {
        var sorted = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (status, response) in sorted)
        {
            responses.Add(status, response);
        }
    }

    /// <summary>A GeoJSON file answered with 200 application/geo+json, described as a FeatureCollection (RFC 7946).</summary>
    public static RouteHandlerBuilder ProducesGeoJson(this RouteHandlerBuilder builder, string featureProperties)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= [];
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "OK",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/geo+json"] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Description = "A GeoJSON FeatureCollection (RFC 7946), coordinates in WGS 84. " + featureProperties,
                            Required = new HashSet<string> { "type", "features" },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = "FeatureCollection" },
                                ["features"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object } },
                            },
                        },
                    },
                },
            };
            SortResponses(operation.Responses);
            return Task.CompletedTask;
        });
    }

    /// <summary>An endpoint needs a signed-in user unless it allows anonymous access; one without any policy still gets the fallback policy.</summary>
    private static async Task<bool> RequiresAuthorizationAsync(OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return false;
        }

        if (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any())
        {
            return true;
        }

        var policies = context.ApplicationServices.GetService<IAuthorizationPolicyProvider>();
        return policies is not null && await policies.GetFallbackPolicyAsync() is not null;
    }

    private static string? ProblemDescription(string status) => status switch
    {
        "400" => "Invalid input: errorCode is validation (or another short code) and errors names each field.",
        "403" => "Signed in, but the roles (or the partnership) do not give access.",
        "404" => "Not found (errorCode not-found).",
        "409" => "Conflict: someone else saved in between (concurrency), a duplicate name, or a rule (R13, R14) that forbids it now; errorCode says which.",
        "422" => "A rule of the scheme is broken: errorCode is its rule ID (e.g. R1, R4, R13).",
        _ => null,
    };

    private static OpenApiResponse Problem(OpenApiOperationTransformerContext context, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemContentType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), context.Document) },
        },
    };

    /// <summary>Problems.From and AccountProblems.WriteAsync add errorCode and errors[] to every ProblemDetails.</summary>
    private static Task DescribeProblemDetailsAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type != typeof(ProblemDetails))
        {
            return Task.CompletedTask;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["errorCode"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The rule ID (R1…R14) where a rule of the scheme is broken, otherwise a short code such as validation, not-found, concurrency, duplicate-name, forbidden, unauthorized or request-too-large.",
        };
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "Every error, the first one being errorCode's.",
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "code", "message", "messageEn" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Rule ID or short code." },
                    ["field"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The input field (camelCase) the error is about, if any." },
                    ["message"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Dutch message." },
                    ["messageEn"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "English message." },
                },
            },
        };
        return Task.CompletedTask;
    }
}
