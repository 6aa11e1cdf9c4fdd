namespace Regiekamer.Core.Common;

/// <summary>What kind of expected failure an error is; HTTP maps each kind to one status (Web/Infrastructure/Problems.cs).</summary>
public enum ErrorKind
{
    /// <summary>The input is malformed or incomplete (a date that is no date, a required field left empty): 400.</summary>
    Invalid,

    /// <summary>A rule of the scheme is broken (R1…R18; <see cref="DomainError.Code"/> is its ID): 422.</summary>
    RuleBroken,

    /// <summary>What was asked for does not exist: 404.</summary>
    NotFound,

    /// <summary>It cannot be done in the present state: someone saved in between, a duplicate, a frozen run: 409.</summary>
    Conflict,

    /// <summary>The caller may not do this: 403.</summary>
    Forbidden,
}

/// <summary>
/// An expected failure: bad input or a broken rule. <see cref="Code"/> is the rule ID (R1…R18) where a rule is
/// broken, otherwise a short machine code (e.g. "validation", "not-found", "concurrency", "duplicate-name");
/// <see cref="Kind"/> says what sort of failure it is, and decides the HTTP status.
/// </summary>
public sealed record DomainError(string Code, Bilingual Message, string? Field = null, ErrorKind Kind = ErrorKind.Invalid)
{
    /// <summary>Malformed or incomplete input.</summary>
    public static DomainError Invalid(string code, string nl, string en, string? field = null) => new(code, new Bilingual(nl, en), field, ErrorKind.Invalid);

    /// <summary>A rule of the scheme is broken; <paramref name="rule"/> is its ID (see <see cref="Rules"/>).</summary>
    public static DomainError Rule(string rule, string nl, string en, string? field = null) => new(rule, new Bilingual(nl, en), field, ErrorKind.RuleBroken);

    public static DomainError NotFound(string nl, string en) => new("not-found", new Bilingual(nl, en), null, ErrorKind.NotFound);

    public static DomainError Conflict(string code, string nl, string en, string? field = null) => new(code, new Bilingual(nl, en), field, ErrorKind.Conflict);

    public static DomainError Forbidden(string nl, string en) => new("forbidden", new Bilingual(nl, en), null, ErrorKind.Forbidden);
}

/// <summary>Either a value or a list of errors. Services return this for expected failures; exceptions are for bugs.</summary>
public sealed class Result<T>
{
    private Result(T? value, IReadOnlyList<DomainError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<DomainError> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public static Result<T> Ok(T value) => new(value, []);

    public static Result<T> Fail(params DomainError[] errors) => new(default, errors);

    public static Result<T> Fail(IReadOnlyList<DomainError> errors) => new(default, errors);

    public static implicit operator Result<T>(DomainError error) => Fail(error);
}
