#include <expr/bindings.h>
#include <expr/checker.h>

#include <unordered_map>

namespace gw::expr {

namespace {

struct CheckError {
    int line;
    int column;
    std::string message;
};

struct Local {
    int slot;
    TypeRef type;
};

std::string shortName(TypeId id)
{
    switch (id) {
    case TypeId::Bool:
        return "bool";
    case TypeId::Int32:
        return "int";
    case TypeId::Int64:
        return "long";
    case TypeId::Double:
        return "double";
    case TypeId::Decimal:
        return "decimal";
    case TypeId::Char:
        return "char";
    case TypeId::String:
        return "string";
    case TypeId::Object:
    case TypeId::Dynamic:
        return "object";
    case TypeId::Bytes:
        return "byte[]";
    case TypeId::Void:
        return "void";
    default: {
        const std::string_view full = typeDisplayName(id);
        const auto dot = full.rfind('.');
        std::string name(dot == std::string_view::npos ? full : full.substr(dot + 1));
        const auto tick = name.find('`');
        if (tick != std::string::npos) {
            name.resize(tick);
        }
        return name;
    }
    }
}

class Checker {
public:
    Checker(Tree &tree, const std::string &file, Diagnostics &diagnostics)
        : m_tree(tree), m_file(file), m_diags(diagnostics)
    {
    }

    bool run(Form form, Expected expected)
    {
        try {
            pushScope();
            if (form == Form::Single) {
                const TypeRef t = expr(*m_tree.expression);
                if (m_tree.expression->kind == ExprKind::Lambda) {
                    error(*m_tree.expression, "A lambda expression is not a value");
                }
                checkExpected(*m_tree.expression, t, expected);
            } else {
                m_returnTypes.push_back(TypeRef{});
                block(*m_tree.block, false);
                if (!endsInReturn(*m_tree.block)) {
                    throw CheckError{m_tree.block->line, m_tree.block->column,
                                     "Not all code paths return a value: every path of a @{ } block must end in "
                                     "return"};
                }
            }
            popScope();
        } catch (const CheckError &e) {
            SourceLocation loc;
            loc.file = m_file;
            loc.line = e.line;
            loc.column = e.column;
            m_diags.push_back(Diagnostic{loc, Severity::Error, e.message});
            return false;
        }
        m_tree.slotCount = m_nextSlot;
        return true;
    }

private:
    [[noreturn]] void error(const Expr &at, std::string message)
    {
        throw CheckError{at.line, at.column, std::move(message)};
    }
    [[noreturn]] void error(const Stmt &at, std::string message)
    {
        throw CheckError{at.line, at.column, std::move(message)};
    }
    [[noreturn]] void error(int line, int column, std::string message)
    {
        throw CheckError{line, column, std::move(message)};
    }

    void checkExpected(const Expr &e, const TypeRef &t, Expected expected)
    {
        const TypeId id = t.id;
        auto incompatible = [&](std::string_view target) {
            error(e, "Cannot implicitly convert type '" + displayName(t) + "' to '" + std::string(target) + "'");
        };
        switch (expected) {
        case Expected::Bool:
            if (id == TypeId::Int32 || id == TypeId::Int64 || id == TypeId::Double || id == TypeId::JObject ||
                id == TypeId::JArray || id == TypeId::Array || id == TypeId::List || id == TypeId::Dictionary ||
                id == TypeId::DateTime || id == TypeId::Void) {
                incompatible("bool");
            }
            break;
        case Expected::Integer:
            if (id == TypeId::Bool || id == TypeId::JObject || id == TypeId::JArray || id == TypeId::Array ||
                id == TypeId::List || id == TypeId::Dictionary || id == TypeId::DateTime || id == TypeId::Void) {
                incompatible("int");
            }
            break;
        case Expected::String:
        case Expected::Any:
            if (id == TypeId::Void) {
                error(e, "The expression has no value (the method returns void)");
            }
            break;
        }
    }

    // --- scopes ---
    void pushScope() { m_scopes.emplace_back(); }
    void popScope() { m_scopes.pop_back(); }

    int declare(const std::string &name, const TypeRef &type, int line, int column)
    {
        for (const auto &scope : m_scopes) {
            if (scope.count(name)) {
                error(line, column,
                      "A local variable named '" + name +
                          "' cannot be declared in this scope because it would give a "
                          "different meaning to '" +
                          name + "'");
            }
        }
        const int slot = m_nextSlot++;
        m_scopes.back()[name] = Local{slot, type};
        m_tree.slotTypes.push_back(type);
        return slot;
    }

    const Local *lookup(const std::string &name) const
    {
        for (auto it = m_scopes.rbegin(); it != m_scopes.rend(); ++it) {
            const auto found = it->find(name);
            if (found != it->end()) {
                return &found->second;
            }
        }
        return nullptr;
    }

    int findFunction(const std::string &name) const
    {
        for (auto it = m_functions.rbegin(); it != m_functions.rend(); ++it) {
            const auto found = it->find(name);
            if (found != it->end()) {
                return found->second;
            }
        }
        return -1;
    }

    // --- types ---
    TypeRef resolve(const TypeSyntax &syntax)
    {
        if (syntax.name == "var") {
            return TypeRef{};
        }
        const auto id = findType(syntax.name);
        if (!id) {
            error(syntax.line, syntax.column, "type '" + syntax.name + "' is not allowed in policy expressions");
        }
        TypeRef t{*id};
        t.nullable = syntax.nullable;
        std::vector<TypeRef> args;
        for (const auto &a : syntax.args) {
            args.push_back(resolve(a));
        }
        if (t.id == TypeId::Dictionary || t.id == TypeId::KeyValuePair) {
            if (args.size() == 2) {
                t.key = args[0].id;
                t.elem = args[1].id;
            }
        } else if (args.size() == 1) {
            t.elem = args[0].id;
        }
        if (syntax.rank > 0) {
            if (t.id == TypeId::Int32 && (syntax.name == "byte" || syntax.name == "Byte")) {
                return TypeRef{TypeId::Bytes};
            }
            TypeRef array{TypeId::Array, t.id == TypeId::Array ? TypeId::Dynamic : t.id};
            return array;
        }
        return t;
    }

    // --- expressions ---

    // A chain of names ("System.Text.Encoding") that may name a type or a namespace; empty when `e` is not one.
    bool isNameChain(const Expr &e) const
    {
        if (e.kind == ExprKind::Name) {
            return true;
        }
        return e.kind == ExprKind::Member && !e.nullConditional && e.kids[0] && isNameChain(*e.kids[0]);
    }

    // Resolves a Name that is not a local: context, a type, a namespace (kept as Name with the dotted path).
    TypeRef resolveName(Expr &e, bool asReceiver)
    {
        if (const Local *local = lookup(e.name)) {
            e.kind = ExprKind::Local;
            e.slot = local->slot;
            e.stype = local->type;
            return e.stype;
        }
        if (e.name == "context") {
            e.kind = ExprKind::Context;
            e.stype = TypeRef{TypeId::Context};
            return e.stype;
        }
        if (asReceiver) {
            if (const auto type = findType(e.name)) {
                e.kind = ExprKind::StaticType;
                e.type = TypeRef{*type};
                e.typeSyntax.name = e.name;
                return e.type;
            }
            if (isNamespace(e.name)) {
                return TypeRef{TypeId::Void}; // a namespace: the parent member resolves further
            }
        }
        if (isKnownForbiddenType(e.name) || e.name.find('.') != std::string::npos ||
            (asReceiver && e.name[0] >= 'A' && e.name[0] <= 'Z')) {
            error(e, "type '" + e.name + "' is not allowed in policy expressions");
        }
        if (findFunction(e.name) >= 0) {
            error(e, "A local function can only be called: '" + e.name + "(...)'");
        }
        error(e, "The name '" + e.name + "' does not exist in the current context");
    }

    TypeRef receiver(Expr &e)
    {
        if (e.kind == ExprKind::Name) {
            return resolveName(e, true);
        }
        if (e.kind == ExprKind::Member && isNameChain(e)) {
            // maybe a namespace-qualified type
            Expr &inner = *e.kids[0];
            if (inner.kind == ExprKind::Name && !lookup(inner.name) && inner.name != "context") {
                const TypeRef t = resolveName(inner, true);
                if (t.id == TypeId::Void) {
                    const std::string dotted = inner.name + "." + e.name;
                    if (const auto type = findType(dotted)) {
                        e.kind = ExprKind::StaticType;
                        e.type = TypeRef{*type};
                        e.typeSyntax.name = dotted;
                        e.kids.clear();
                        return e.type;
                    }
                    if (isNamespace(dotted)) {
                        e.kind = ExprKind::Name;
                        e.name = dotted;
                        e.kids.clear();
                        return TypeRef{TypeId::Void};
                    }
                    error(e, "type '" + dotted + "' is not allowed in policy expressions");
                }
                return member(e, &t);
            }
        }
        return expr(e);
    }

    TypeRef expr(Expr &e)
    {
        e.stype = exprInner(e);
        return e.stype;
    }

    TypeRef exprInner(Expr &e)
    {
        switch (e.kind) {
        case ExprKind::Literal:
            return TypeRef{e.literal.type()};
        case ExprKind::Name: {
            const TypeRef t = resolveName(e, false);
            return t;
        }
        case ExprKind::Local:
        case ExprKind::Context:
            return e.stype;
        case ExprKind::StaticType:
            e.type = resolve(e.typeSyntax);
            return e.type;
        case ExprKind::Member:
            return member(e, nullptr);
        case ExprKind::Call:
            return call(e);
        case ExprKind::Index:
            return index(e);
        case ExprKind::Unary: {
            const TypeRef t = expr(*e.kids[0]);
            if (e.op == Op::Not) {
                if (t.id != TypeId::Bool && t.id != TypeId::Dynamic && t.id != TypeId::Object &&
                    t.id != TypeId::JToken && t.id != TypeId::JValue) {
                    error(e, "Operator '!' cannot be applied to operand of type '" + displayName(t) + "'");
                }
                return TypeRef{TypeId::Bool};
            }
            if (t.id == TypeId::String || t.id == TypeId::Bool) {
                error(e, "Operator '" +
                             std::string(e.op == Op::Neg    ? "-"
                                         : e.op == Op::Plus ? "+"
                                                            : "~") +
                             "' cannot be applied to operand of type '" + displayName(t) + "'");
            }
            return t.id == TypeId::Char ? TypeRef{TypeId::Int32} : t;
        }
        case ExprKind::Binary:
            return binary(e);
        case ExprKind::Conditional: {
            const TypeRef c = expr(*e.kids[0]);
            if (c.id == TypeId::String || c.id == TypeId::Int32) {
                error(*e.kids[0], "Cannot implicitly convert type '" + displayName(c) + "' to 'bool'");
            }
            const TypeRef a = expr(*e.kids[1]);
            const TypeRef b = expr(*e.kids[2]);
            if (a.id == b.id) {
                return a;
            }
            if (a.id == TypeId::Null) {
                return b;
            }
            if (b.id == TypeId::Null) {
                return a;
            }
            return TypeRef{};
        }
        case ExprKind::Assign:
            return assign(e);
        case ExprKind::IncDec: {
            Expr &target = *e.kids[0];
            const TypeRef t = expr(target);
            checkAssignable(target);
            return t;
        }
        case ExprKind::Cast: {
            e.type = resolve(e.typeSyntax);
            const TypeRef from = expr(*e.kids[0]);
            if (from.id == TypeId::String && (e.type.id == TypeId::Int32 || e.type.id == TypeId::Int64 ||
                                              e.type.id == TypeId::Bool || e.type.id == TypeId::Double)) {
                error(e, "Cannot convert type 'string' to '" + displayName(e.type) + "'");
            }
            return e.type;
        }
        case ExprKind::Is: {
            expr(*e.kids[0]);
            if (e.kids.size() > 1) {
                expr(*e.kids[1]);
            } else {
                e.type = resolve(e.typeSyntax);
                if (e.declares) {
                    e.slot = declare(e.name, e.type, e.line, e.column);
                }
            }
            return TypeRef{TypeId::Bool};
        }
        case ExprKind::As:
            expr(*e.kids[0]);
            e.type = resolve(e.typeSyntax);
            return e.type;
        case ExprKind::Lambda:
            return lambda(e, {});
        case ExprKind::New:
            return newObject(e);
        case ExprKind::NewArray: {
            TypeRef elem{};
            if (!e.typeSyntax.name.empty()) {
                elem = resolve(e.typeSyntax);
                if (e.typeSyntax.rank > 0) {
                    elem = TypeRef{TypeId::Array, elem.id == TypeId::Array ? TypeId::Dynamic : elem.id};
                }
            }
            e.type = elem;
            TypeId common = TypeId::Count;
            for (auto &k : e.kids) {
                const TypeRef t = expr(*k);
                if (common == TypeId::Count) {
                    common = t.id;
                } else if (common != t.id) {
                    common = TypeId::Dynamic;
                }
            }
            if (e.typeSyntax.name.empty()) {
                if (common == TypeId::Count) {
                    error(e, "No best type found for implicitly-typed array");
                }
                e.type = TypeRef{common};
            }
            if (e.type.id == TypeId::Int32 && (e.typeSyntax.name == "byte" || e.typeSyntax.name == "Byte")) {
                return TypeRef{TypeId::Bytes};
            }
            return TypeRef{TypeId::Array, e.type.id};
        }
        case ExprKind::Interpolated:
            for (auto &part : e.parts) {
                if (part.hole) {
                    expr(*part.hole);
                }
            }
            return TypeRef{TypeId::String};
        case ExprKind::Default:
            if (!e.typeSyntax.name.empty()) {
                e.type = resolve(e.typeSyntax);
                return e.type;
            }
            return TypeRef{TypeId::Null};
        case ExprKind::Out:
            error(e, "An out argument is only allowed in a method call");
        }
        return TypeRef{};
    }

    TypeRef member(Expr &e, const TypeRef *known)
    {
        TypeRef r = known ? *known : (e.kids[0] ? receiver(*e.kids[0]) : TypeRef{});
        if (e.kind == ExprKind::StaticType || e.kind == ExprKind::Name) {
            return e.kind == ExprKind::StaticType ? e.type : TypeRef{TypeId::Void};
        }
        Expr &recv = *e.kids[0];
        if (recv.kind == ExprKind::Name) { // still a namespace
            const std::string dotted = recv.name + "." + e.name;
            if (const auto type = findType(dotted)) {
                e.kind = ExprKind::StaticType;
                e.type = TypeRef{*type};
                e.typeSyntax.name = dotted;
                e.kids.clear();
                return e.type;
            }
            if (isNamespace(dotted)) {
                e.kind = ExprKind::Name;
                e.name = dotted;
                e.kids.clear();
                return TypeRef{TypeId::Void};
            }
            error(e, "type '" + dotted + "' is not allowed in policy expressions");
        }
        if (recv.kind == ExprKind::StaticType) {
            const TypeId owner = recv.type.id;
            if (const auto value = enumValue(owner, e.name)) {
                e.kind = ExprKind::Literal;
                e.literal = Value::enumValue(owner, *value);
                e.kids.clear();
                return TypeRef{owner};
            }
            const Member *m = findMember(owner, e.name, MemberKind::StaticProperty);
            if (!m) {
                if (findMember(owner, e.name, MemberKind::StaticMethod)) {
                    error(e, "'" + e.name + "' is a method: call it with ()");
                }
                noMember(e, TypeRef{owner}, true);
            }
            e.member = m;
            return m->result;
        }
        if (r.id == TypeId::Void) {
            error(recv, "The expression has no value (the method returns void)");
        }
        if (r.id == TypeId::Null) {
            error(recv, "Cannot access a member of null");
        }
        if (r.id == TypeId::Dynamic || r.id == TypeId::Object) {
            if (!anyMemberNamed(e.name)) {
                noMember(e, TypeRef{TypeId::Dynamic}, false);
            }
            return TypeRef{};
        }
        const Member *m = findMember(r.id, e.name, MemberKind::Property);
        if (!m) {
            if (findMember(r.id, e.name, MemberKind::Method)) {
                error(e, "'" + e.name + "' is a method: call it with ()");
            }
            noMember(e, r, false);
        }
        e.member = m;
        return resultOf(*m, r, e, nullptr);
    }

    [[noreturn]] void noMember(const Expr &e, const TypeRef &owner, bool isStatic)
    {
        std::string message = owner.id == TypeId::Dynamic
                                  ? "No type has a member named '" + e.name + "'"
                                  : "'" + displayName(owner) + "' does not contain a definition for '" + e.name + "'";
        const std::string suggestion = suggestMember(owner.id, e.name, isStatic);
        if (!suggestion.empty()) {
            message += "; did you mean " + suggestion + "?";
        }
        error(e, message);
    }

    TypeRef resultOf(const Member &m, const TypeRef &receiverType, const Expr &e, const TypeRef *lambdaResult)
    {
        switch (m.rule) {
        case ResultRule::Fixed:
            return m.result;
        case ResultRule::TypeArgument:
            return e.typeRefs.empty() ? m.result : e.typeRefs[0];
        case ResultRule::Element: {
            if (receiverType.id == TypeId::Dictionary && m.owner == TypeId::Dictionary) {
                return TypeRef{receiverType.elem};
            }
            const TypeRef elem = elementType(receiverType);
            return TypeRef{elem.id == TypeId::KeyValuePair ? TypeId::Dynamic : elem.id};
        }
        case ResultRule::Sequence:
            return TypeRef{m.result.id, elementType(receiverType).id};
        case ResultRule::Projection:
            return TypeRef{m.result.id, lambdaResult ? lambdaResult->id : TypeId::Dynamic};
        case ResultRule::LambdaResult:
            if (lambdaResult) {
                return *lambdaResult;
            }
            return TypeRef{elementType(receiverType).id};
        case ResultRule::PairKey:
            return TypeRef{receiverType.key};
        case ResultRule::PairValue:
            return TypeRef{receiverType.elem};
        }
        return TypeRef{};
    }

    void checkArity(const Expr &e, const Member &m, std::size_t argc, std::string_view name)
    {
        if (int(argc) < m.minArgs || (m.maxArgs >= 0 && int(argc) > m.maxArgs)) {
            error(e, "No overload for method '" + std::string(name) + "' takes " + std::to_string(argc) + " arguments");
        }
    }

    // Puts named arguments where the member's parameter list has them.
    void orderArguments(Expr &e, const Member *m)
    {
        bool named = false;
        for (const auto &n : e.argNames) {
            named = named || !n.empty();
        }
        if (!named) {
            return;
        }
        std::vector<std::string> params;
        if (m) {
            std::string_view list = m->params;
            while (!list.empty()) {
                const auto comma = list.find(',');
                params.emplace_back(list.substr(0, comma));
                list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
            }
        }
        std::vector<std::unique_ptr<Expr>> ordered(e.kids.size() - 1);
        std::size_t positional = 0;
        for (std::size_t i = 0; i < e.argNames.size(); ++i) {
            std::size_t at = positional;
            if (!e.argNames[i].empty()) {
                const auto it = std::find(params.begin(), params.end(), e.argNames[i]);
                if (it == params.end()) {
                    error(*e.kids[i + 1], "The best overload for '" + e.name + "' does not have a parameter named '" +
                                              e.argNames[i] + "'");
                }
                at = std::size_t(it - params.begin());
            } else {
                ++positional;
            }
            if (at >= ordered.size() || ordered[at]) {
                error(*e.kids[i + 1], "Named argument '" + e.argNames[i] + "' is used out of position");
            }
            ordered[at] = std::move(e.kids[i + 1]);
        }
        for (std::size_t i = 0; i < ordered.size(); ++i) {
            e.kids[i + 1] = std::move(ordered[i]);
        }
        e.argNames.assign(e.argNames.size(), std::string());
    }

    TypeRef call(Expr &e)
    {
        for (const auto &t : e.typeArgs) {
            e.typeRefs.push_back(resolve(t));
        }
        const std::size_t argc = e.kids.size() - 1;
        // local function
        if (!e.kids[0]) {
            const int f = findFunction(e.name);
            if (f < 0) {
                if (lookup(e.name)) {
                    error(e, "'" + e.name + "' is a variable but is used like a method");
                }
                const std::string suggestion = suggestMember(TypeId::Dynamic, e.name, false);
                error(e, "The name '" + e.name + "' does not exist in the current context" +
                             (isKnownForbiddenType(e.name) ? std::string() : ""));
            }
            Function &fn = *m_tree.functions[std::size_t(f)];
            if (argc != fn.params.size()) {
                error(e, "No overload for method '" + e.name + "' takes " + std::to_string(argc) + " arguments");
            }
            e.function = f;
            for (std::size_t i = 0; i < argc; ++i) {
                argument(*e.kids[i + 1], {});
            }
            return fn.returnType;
        }
        TypeRef r = receiver(*e.kids[0]);
        Expr &recv = *e.kids[0];
        const Member *m = nullptr;
        if (recv.kind == ExprKind::Name) {
            error(recv, "type '" + recv.name + "." + e.name + "' is not allowed in policy expressions");
        }
        if (recv.kind == ExprKind::StaticType) {
            m = findMember(recv.type.id, e.name, MemberKind::StaticMethod);
            if (!m) {
                Expr probe;
                probe.line = e.line;
                probe.column = e.column;
                probe.name = e.name;
                noMember(probe, recv.type, true);
            }
        } else if (r.id == TypeId::Void) {
            error(recv, "The expression has no value (the method returns void)");
        } else if (r.id == TypeId::Dynamic || r.id == TypeId::Object || r.id == TypeId::Null) {
            if (!anyMemberNamed(e.name)) {
                Expr probe;
                probe.line = e.line;
                probe.column = e.column;
                probe.name = e.name;
                noMember(probe, TypeRef{TypeId::Dynamic}, false);
            }
            if (r.id == TypeId::Object) {
                m = findMember(TypeId::Object, e.name, MemberKind::Method);
            }
        } else {
            m = findMember(r.id, e.name, MemberKind::Method);
            if (!m) {
                if (findMember(r.id, e.name, MemberKind::Property)) {
                    error(e, "Non-invocable member '" + e.name + "' cannot be used like a method");
                }
                Expr probe;
                probe.line = e.line;
                probe.column = e.column;
                probe.name = e.name;
                noMember(probe, r, false);
            }
        }
        orderArguments(e, m);
        if (m) {
            checkArity(e, *m, argc, e.name);
        }
        e.member = m;
        // lambda parameters see the receiver's elements (Aggregate's accumulator stays unknown)
        TypeRef elem = elementType(r);
        if (recv.kind == ExprKind::StaticType && recv.type.id == TypeId::Regex) {
            elem = TypeRef{TypeId::Match};
        }
        std::optional<TypeRef> lambdaResult;
        for (std::size_t i = 0; i < argc; ++i) {
            Expr &arg = *e.kids[i + 1];
            std::vector<TypeRef> paramTypes{elem, TypeRef{TypeId::Int32}};
            if (e.name == "Aggregate") {
                paramTypes = {TypeRef{}, elem};
            }
            const TypeRef t = argument(arg, paramTypes);
            if (arg.kind == ExprKind::Lambda) {
                lambdaResult = t;
            }
        }
        if (!m) {
            return TypeRef{};
        }
        return resultOf(*m, r, e, lambdaResult ? &*lambdaResult : nullptr);
    }

    TypeRef argument(Expr &arg, const std::vector<TypeRef> &lambdaParams)
    {
        if (arg.kind == ExprKind::Lambda) {
            return lambda(arg, lambdaParams);
        }
        if (arg.kind == ExprKind::Out) {
            if (arg.declares) {
                const TypeRef t = arg.typeSyntax.name.empty() ? TypeRef{} : resolve(arg.typeSyntax);
                arg.slot = declare(arg.name, t, arg.line, arg.column);
            } else {
                const Local *local = lookup(arg.name);
                if (!local) {
                    error(arg, "The name '" + arg.name + "' does not exist in the current context");
                }
                arg.slot = local->slot;
            }
            return TypeRef{};
        }
        return expr(arg);
    }

    // Returns the type of the lambda's result.
    TypeRef lambda(Expr &e, const std::vector<TypeRef> &paramTypes)
    {
        pushScope();
        for (std::size_t i = 0; i < e.params.size(); ++i) {
            TypeRef t = i < paramTypes.size() ? paramTypes[i] : TypeRef{};
            if (!e.paramTypes[i].name.empty()) {
                t = resolve(e.paramTypes[i]);
            }
            e.paramSlots.push_back(declare(e.params[i], t, e.line, e.column));
        }
        TypeRef result{};
        if (e.block) {
            m_returnTypes.push_back(TypeRef{});
            block(*e.block, true);
            m_returnTypes.pop_back();
        } else {
            result = expr(*e.kids[0]);
        }
        popScope();
        e.stype = TypeRef{TypeId::Lambda};
        return result;
    }

    TypeRef index(Expr &e)
    {
        const TypeRef r = receiver(*e.kids[0]);
        for (std::size_t i = 1; i < e.kids.size(); ++i) {
            expr(*e.kids[i]);
        }
        if (e.kids[0]->kind == ExprKind::StaticType || e.kids[0]->kind == ExprKind::Name) {
            error(e, "Cannot apply indexing with [] to a type");
        }
        if (r.id == TypeId::Dynamic || r.id == TypeId::Object) {
            return TypeRef{};
        }
        const Member *m = findMember(r.id, "[]", MemberKind::Property);
        if (!m) {
            error(e, "Cannot apply indexing with [] to an expression of type '" + displayName(r) + "'");
        }
        const bool stringKeys = r.id == TypeId::Headers || r.id == TypeId::Variables ||
                                (r.id == TypeId::Dictionary && r.key == TypeId::String);
        const TypeId key = e.kids.size() > 1 ? e.kids[1]->stype.id : TypeId::Dynamic;
        if (stringKeys && (key == TypeId::Int32 || key == TypeId::Int64)) {
            error(*e.kids[1], "Argument 1: cannot convert from 'int' to 'string'");
        }
        e.member = m;
        return resultOf(*m, r, e, nullptr);
    }

    TypeRef binary(Expr &e)
    {
        const TypeRef a = expr(*e.kids[0]);
        const TypeRef b = expr(*e.kids[1]);
        auto numeric = [](TypeId t) {
            return t == TypeId::Int32 || t == TypeId::Int64 || t == TypeId::Double || t == TypeId::Decimal ||
                   t == TypeId::Char;
        };
        switch (e.op) {
        case Op::Eq:
        case Op::Ne:
        case Op::Lt:
        case Op::Le:
        case Op::Gt:
        case Op::Ge:
            if ((e.op != Op::Eq && e.op != Op::Ne) && (a.id == TypeId::String || b.id == TypeId::String)) {
                error(e, "Operator cannot be applied to operands of type '" + displayName(a) + "' and '" +
                             displayName(b) + "'");
            }
            if ((a.id == TypeId::String && numeric(b.id)) || (b.id == TypeId::String && numeric(a.id))) {
                error(e, "Operator cannot be applied to operands of type '" + displayName(a) + "' and '" +
                             displayName(b) + "'");
            }
            return TypeRef{TypeId::Bool};
        case Op::And:
        case Op::Or:
            for (const TypeRef *t : {&a, &b}) {
                if (t->id == TypeId::String || numeric(t->id)) {
                    error(e, "Operator '" + std::string(e.op == Op::And ? "&&" : "||") +
                                 "' cannot be applied to operands of type '" + displayName(a) + "' and '" +
                                 displayName(b) + "'");
                }
            }
            return TypeRef{TypeId::Bool};
        case Op::Coalesce:
            if (a.id == TypeId::Null) {
                return b;
            }
            return a.id == b.id || b.id == TypeId::Null ? a : TypeRef{};
        case Op::Add:
            if (a.id == TypeId::String || b.id == TypeId::String) {
                return TypeRef{TypeId::String};
            }
            [[fallthrough]];
        default:
            if (a.id == TypeId::String || b.id == TypeId::String) {
                error(e, "Operator cannot be applied to operands of type '" + displayName(a) + "' and '" +
                             displayName(b) + "'");
            }
            if (numeric(a.id) && numeric(b.id)) {
                if (a.id == TypeId::Double || b.id == TypeId::Double) {
                    return TypeRef{TypeId::Double};
                }
                if (a.id == TypeId::Decimal || b.id == TypeId::Decimal) {
                    return TypeRef{TypeId::Decimal};
                }
                if (a.id == TypeId::Int64 || b.id == TypeId::Int64) {
                    return TypeRef{TypeId::Int64};
                }
                return TypeRef{TypeId::Int32};
            }
            if (a.id == TypeId::Bool && b.id == TypeId::Bool &&
                (e.op == Op::BitAnd || e.op == Op::BitOr || e.op == Op::BitXor)) {
                return TypeRef{TypeId::Bool};
            }
            if ((a.id == TypeId::Bool || b.id == TypeId::Bool) && e.op != Op::BitAnd && e.op != Op::BitOr &&
                e.op != Op::BitXor) {
                error(e, "Operator cannot be applied to operands of type '" + displayName(a) + "' and '" +
                             displayName(b) + "'");
            }
            if (a.id == TypeId::DateTime && b.id == TypeId::DateTime && e.op == Op::Sub) {
                return TypeRef{TypeId::TimeSpan};
            }
            if (a.id == TypeId::DateTime || a.id == TypeId::TimeSpan) {
                return a;
            }
            if (int(a.id) >= int(TypeId::StringComparison) && int(a.id) <= int(TypeId::UriPartial)) {
                return a;
            }
            return TypeRef{};
        }
    }

    void checkAssignable(Expr &target)
    {
        switch (target.kind) {
        case ExprKind::Local:
            return;
        case ExprKind::Member:
        case ExprKind::Index:
            if (target.member && !target.member->setter) {
                const std::string what = target.kind == ExprKind::Index ? "this[]" : target.name;
                error(target, "Property or indexer '" + what + "' cannot be assigned to -- it is read only");
            }
            if (target.kids[0] && target.kids[0]->kind == ExprKind::Context) {
                error(target, "context members are read-only: change the request with policies");
            }
            return;
        case ExprKind::StaticType:
            error(target, "A type cannot be assigned to");
        default:
            error(target, "The left-hand side of an assignment must be a variable, property or indexer");
        }
    }

    TypeRef assign(Expr &e)
    {
        Expr &target = *e.kids[0];
        const TypeRef t = expr(target);
        checkAssignable(target);
        const TypeRef v = e.kids[1]->kind == ExprKind::Lambda ? TypeRef{TypeId::Lambda} : expr(*e.kids[1]);
        if (e.kids[1]->kind == ExprKind::Lambda) {
            error(*e.kids[1], "A lambda expression can only be passed to a method");
        }
        if (e.op == Op::None && target.kind == ExprKind::Local && t.id != TypeId::Dynamic && v.id != TypeId::Dynamic &&
            !compatible(t, v)) {
            error(*e.kids[1], "Cannot implicitly convert type '" + displayName(v) + "' to '" + displayName(t) + "'");
        }
        return t;
    }

    // Whether a value of static type `v` can be stored in a variable of type `t` (only the sure mismatches fail).
    static bool compatible(const TypeRef &t, const TypeRef &v)
    {
        if (t.id == v.id || t.id == TypeId::Object || v.id == TypeId::Object || v.id == TypeId::Dynamic) {
            return true;
        }
        if (v.id == TypeId::Null) {
            return t.nullable || !(t.id == TypeId::Int32 || t.id == TypeId::Int64 || t.id == TypeId::Bool ||
                                   t.id == TypeId::Double || t.id == TypeId::DateTime || t.id == TypeId::Char);
        }
        const bool tNum = t.id == TypeId::Int64 || t.id == TypeId::Double || t.id == TypeId::Decimal;
        if (tNum && (v.id == TypeId::Int32 || v.id == TypeId::Int64 || v.id == TypeId::Char)) {
            return true;
        }
        if (t.id == TypeId::Int32 && v.id == TypeId::Char) {
            return true;
        }
        if (t.id == TypeId::String) {
            return v.id == TypeId::String;
        }
        if (t.id == TypeId::Int32 || t.id == TypeId::Bool) {
            return false;
        }
        return true;
    }

    TypeRef newObject(Expr &e)
    {
        if (e.anonymous) {
            for (auto &init : e.inits) {
                expr(*init.args[0]);
            }
            return TypeRef{TypeId::Dictionary, TypeId::Dynamic, TypeId::String};
        }
        e.type = resolve(e.typeSyntax);
        for (const auto &a : e.typeSyntax.args) {
            e.typeRefs.push_back(resolve(a));
        }
        const Member *m = findMember(e.type.id, ".ctor", MemberKind::Constructor);
        if (!m) {
            error(e, "Cannot create an instance of '" + displayName(e.type) + "'");
        }
        const std::size_t argc = e.kids.size();
        if (int(argc) < m->minArgs || (m->maxArgs >= 0 && int(argc) > m->maxArgs)) {
            error(e, "'" + displayName(e.type) + "' does not contain a constructor that takes " + std::to_string(argc) +
                         " arguments");
        }
        e.member = m;
        for (auto &k : e.kids) {
            argument(*k, {});
        }
        for (auto &init : e.inits) {
            for (auto &a : init.args) {
                expr(*a);
            }
            if (!init.property.empty()) {
                const Member *p = findMember(e.type.id, init.property, MemberKind::Property);
                if (!p || !p->setter) {
                    error(e, "'" + displayName(e.type) + "' has no settable property '" + init.property + "'");
                }
            }
        }
        return e.type;
    }

    // --- statements ---

    void block(Stmt &s, bool newScope)
    {
        if (newScope) {
            pushScope();
        }
        // local functions are visible in the whole block
        m_functions.emplace_back();
        for (auto &st : s.body) {
            if (st->kind == StmtKind::LocalFunction) {
                Function &f = *m_tree.functions[std::size_t(st->function)];
                f.returnType = resolve(f.returnSyntax);
                for (const auto &p : f.paramTypes) {
                    f.paramRefs.push_back(resolve(p));
                }
                m_functions.back()[f.name] = st->function;
            }
        }
        for (auto &st : s.body) {
            statement(*st);
        }
        m_functions.pop_back();
        if (newScope) {
            popScope();
        }
    }

    void embedded(Stmt &s)
    {
        if (s.kind == StmtKind::Declaration || s.kind == StmtKind::LocalFunction) {
            error(s, "Embedded statement cannot be a declaration");
        }
        if (s.kind == StmtKind::Block) {
            block(s, true);
        } else {
            pushScope();
            statement(s);
            popScope();
        }
    }

    void condition(Expr &e)
    {
        const TypeRef t = expr(e);
        if (t.id == TypeId::String || t.id == TypeId::Int32 || t.id == TypeId::Int64 || t.id == TypeId::JObject) {
            error(e, "Cannot implicitly convert type '" + displayName(t) + "' to 'bool'");
        }
    }

    void statement(Stmt &s)
    {
        switch (s.kind) {
        case StmtKind::Empty:
            return;
        case StmtKind::Block:
            block(s, true);
            return;
        case StmtKind::Expression:
            expr(*s.exprs[0]);
            return;
        case StmtKind::Declaration: {
            s.declType = s.isVar ? TypeRef{} : resolve(s.typeSyntax);
            for (std::size_t i = 0; i < s.names.size(); ++i) {
                TypeRef t = s.declType;
                if (s.inits[i]) {
                    if (s.inits[i]->kind == ExprKind::Lambda) {
                        error(*s.inits[i], "A lambda expression can only be passed to a method");
                    }
                    const TypeRef v = expr(*s.inits[i]);
                    if (s.isVar) {
                        if (v.id == TypeId::Null) {
                            error(*s.inits[i], "Cannot assign <null> to an implicitly-typed variable");
                        }
                        if (v.id == TypeId::Void) {
                            error(*s.inits[i], "Cannot assign void to an implicitly-typed variable");
                        }
                        t = v;
                    } else if (!compatible(t, v)) {
                        error(*s.inits[i],
                              "Cannot implicitly convert type '" + displayName(v) + "' to '" + displayName(t) + "'");
                    }
                }
                s.locals.push_back(declare(s.names[i], t, s.line, s.column));
            }
            return;
        }
        case StmtKind::If:
            condition(*s.exprs[0]);
            embedded(*s.body[0]);
            if (s.body.size() > 1) {
                embedded(*s.body[1]);
            }
            return;
        case StmtKind::While:
        case StmtKind::DoWhile:
            condition(*s.exprs[0]);
            ++m_loops;
            embedded(*s.body[0]);
            --m_loops;
            return;
        case StmtKind::For:
            pushScope();
            for (auto &init : s.forInit) {
                statement(*init);
            }
            if (s.exprs[0]) {
                condition(*s.exprs[0]);
            }
            for (std::size_t i = 1; i < s.exprs.size(); ++i) {
                expr(*s.exprs[i]);
            }
            ++m_loops;
            embedded(*s.body[0]);
            --m_loops;
            popScope();
            return;
        case StmtKind::Foreach: {
            const TypeRef collection = expr(*s.exprs[0]);
            if (collection.id == TypeId::Int32 || collection.id == TypeId::Bool || collection.id == TypeId::Int64) {
                error(*s.exprs[0],
                      "foreach statement cannot operate on variables of type '" + displayName(collection) + "'");
            }
            pushScope();
            s.declType = s.isVar ? elementType(collection) : resolve(s.typeSyntax);
            s.locals.push_back(declare(s.names[0], s.declType, s.line, s.column));
            ++m_loops;
            embedded(*s.body[0]);
            --m_loops;
            popScope();
            return;
        }
        case StmtKind::Return:
            if (m_returnTypes.empty()) {
                error(s, "return outside of a block");
            }
            if (!s.exprs.empty()) {
                if (s.exprs[0]->kind == ExprKind::Lambda) {
                    error(*s.exprs[0], "A lambda expression is not a value");
                }
                expr(*s.exprs[0]);
            } else if (m_returnTypes.size() == 1 && m_inFunction == 0) {
                error(s, "An expression of type object is expected after return");
            }
            return;
        case StmtKind::Break:
        case StmtKind::Continue:
            if (m_loops == 0 && !(s.kind == StmtKind::Break && m_switches > 0)) {
                error(s, "No enclosing loop out of which to break or continue");
            }
            return;
        case StmtKind::Throw:
            if (!s.exprs.empty()) {
                expr(*s.exprs[0]);
            } else if (m_catches == 0) {
                error(s, "A throw statement with no arguments is not allowed outside of a catch clause");
            }
            return;
        case StmtKind::Try:
            block(*s.body[0], true);
            for (auto &c : s.catches) {
                pushScope();
                TypeRef t{TypeId::Exception};
                if (c.hasType) {
                    // every exception type is allowed here: they only select what to catch
                    const std::string &name = c.typeSyntax.name;
                    if (!(name.ends_with("Exception"))) {
                        error(c.typeSyntax.line, c.typeSyntax.column,
                              "The type caught must be an exception type, not '" + name + "'");
                    }
                }
                if (!c.variable.empty()) {
                    c.slot = declare(c.variable, t, c.typeSyntax.line, c.typeSyntax.column);
                }
                if (c.filter) {
                    condition(*c.filter);
                }
                ++m_catches;
                block(*c.body, true);
                --m_catches;
                popScope();
            }
            if (s.finally) {
                block(*s.finally, true);
            }
            return;
        case StmtKind::Switch:
            expr(*s.exprs[0]);
            ++m_switches;
            for (auto &section : s.sections) {
                for (auto &label : section.labels) {
                    if (label) {
                        expr(*label);
                        if (label->kind != ExprKind::Literal) {
                            error(*label, "A constant value is expected");
                        }
                    }
                }
                pushScope();
                for (auto &st : section.body) {
                    statement(*st);
                }
                popScope();
            }
            --m_switches;
            return;
        case StmtKind::LocalFunction: {
            Function &f = *m_tree.functions[std::size_t(s.function)];
            if (f.paramRefs.size() != f.params.size()) {
                // declared outside a block's statement list (a switch section): visible from here on
                f.returnType = resolve(f.returnSyntax);
                f.paramRefs.clear();
                for (const auto &p : f.paramTypes) {
                    f.paramRefs.push_back(resolve(p));
                }
                m_functions.back()[f.name] = s.function;
            }
            f.slotBegin = m_nextSlot;
            pushScope();
            for (std::size_t i = 0; i < f.params.size(); ++i) {
                f.paramSlots.push_back(declare(f.params[i], f.paramRefs[i], f.line, f.column));
            }
            const int savedLoops = m_loops;
            const int savedSwitches = m_switches;
            m_loops = 0;
            m_switches = 0;
            ++m_inFunction;
            m_returnTypes.push_back(f.returnType);
            if (f.body) {
                block(*f.body, true);
                if (f.returnType.id != TypeId::Void && !endsInReturn(*f.body)) {
                    error(f.line, f.column, "'" + f.name + "': not all code paths return a value");
                }
            } else {
                expr(*f.exprBody);
            }
            m_returnTypes.pop_back();
            --m_inFunction;
            m_loops = savedLoops;
            m_switches = savedSwitches;
            popScope();
            f.slotEnd = m_nextSlot;
            return;
        }
        }
    }

    // Whether control cannot reach the end of `s` (every path returns or throws).
    static bool endsInReturn(const Stmt &s)
    {
        switch (s.kind) {
        case StmtKind::Return:
        case StmtKind::Throw:
            return true;
        case StmtKind::Block:
            for (const auto &st : s.body) {
                if (endsInReturn(*st)) {
                    return true;
                }
            }
            return false;
        case StmtKind::If:
            return s.body.size() == 2 && endsInReturn(*s.body[0]) && endsInReturn(*s.body[1]);
        case StmtKind::Try: {
            if (s.finally && endsInReturn(*s.finally)) {
                return true;
            }
            if (!endsInReturn(*s.body[0])) {
                return false;
            }
            for (const auto &c : s.catches) {
                if (!endsInReturn(*c.body)) {
                    return false;
                }
            }
            return true;
        }
        case StmtKind::While:
        case StmtKind::For: {
            // while (true) without break never falls through
            const Expr *cond = s.exprs.empty() ? nullptr : s.exprs[0].get();
            const bool forever =
                !cond || (cond->kind == ExprKind::Literal && cond->literal.is(TypeId::Bool) && cond->literal.flag());
            return forever && !containsBreak(*s.body[0]);
        }
        case StmtKind::Switch: {
            bool hasDefault = false;
            for (const auto &section : s.sections) {
                for (const auto &label : section.labels) {
                    hasDefault = hasDefault || !label;
                }
                bool ends = false;
                for (const auto &st : section.body) {
                    if (st->kind == StmtKind::Break) {
                        break;
                    }
                    if (endsInReturn(*st)) {
                        ends = true;
                        break;
                    }
                }
                if (!ends) {
                    return false;
                }
            }
            return hasDefault;
        }
        default:
            return false;
        }
    }

    static bool containsBreak(const Stmt &s)
    {
        if (s.kind == StmtKind::Break) {
            return true;
        }
        if (s.kind == StmtKind::While || s.kind == StmtKind::For || s.kind == StmtKind::Foreach ||
            s.kind == StmtKind::DoWhile || s.kind == StmtKind::Switch) {
            return false; // a break in there belongs to the inner statement
        }
        for (const auto &st : s.body) {
            if (containsBreak(*st)) {
                return true;
            }
        }
        for (const auto &c : s.catches) {
            if (containsBreak(*c.body)) {
                return true;
            }
        }
        return s.finally && containsBreak(*s.finally);
    }

    Tree &m_tree;
    const std::string &m_file;
    Diagnostics &m_diags;
    std::vector<std::unordered_map<std::string, Local>> m_scopes;
    std::vector<std::unordered_map<std::string, int>> m_functions;
    std::vector<TypeRef> m_returnTypes;
    int m_nextSlot = 0;
    int m_loops = 0;
    int m_switches = 0;
    int m_catches = 0;
    int m_inFunction = 0;
};

} // namespace

std::string displayName(const TypeRef &type)
{
    std::string name = shortName(type.id);
    if (type.id == TypeId::Array && type.elem != TypeId::Dynamic) {
        return shortName(type.elem) + "[]";
    }
    if ((type.id == TypeId::List || type.id == TypeId::Enumerable || type.id == TypeId::HashSet) &&
        type.elem != TypeId::Dynamic) {
        return name + "<" + shortName(type.elem) + ">";
    }
    if (type.id == TypeId::Dictionary && type.elem != TypeId::Dynamic) {
        return name + "<" + shortName(type.key) + ", " + shortName(type.elem) + ">";
    }
    if (type.id == TypeId::Headers) {
        return "IReadOnlyDictionary<string, string[]>";
    }
    if (type.id == TypeId::Variables) {
        return "IReadOnlyDictionary<string, object>";
    }
    return name;
}

bool check(Tree &tree, Form form, Expected expected, const std::string &file, Diagnostics &diagnostics)
{
    Checker checker(tree, file, diagnostics);
    return checker.run(form, expected);
}

} // namespace gw::expr
