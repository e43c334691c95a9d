from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = None

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_pack_title = resolve('pack_title')
    l_0_title = resolve('title')
    l_0_subtitle = resolve('subtitle')
    l_0_internal = resolve('internal')
    l_0_labels = resolve('labels')
    l_0_cover = resolve('cover')
    l_0_colophon = resolve('colophon')
    l_0_date = resolve('date')
    l_0_intro = resolve('intro')
    l_0_parts = resolve('parts')
    l_0_loose_quotes = resolve('loose_quotes')
    l_0_loose_lessons = resolve('loose_lessons')
    l_0_tables = resolve('tables')
    l_0_insights = resolve('insights')
    l_0_insight_groups = resolve('insight_groups')
    l_0_sessions = resolve('sessions')
    l_0_readings = resolve('readings')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['rich']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'rich' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">\n<w:p><w:pPr><w:pStyle w:val="CoverKicker"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize((undefined(name='pack_title') if l_0_pack_title is missing else l_0_pack_title)))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize((undefined(name='title') if l_0_title is missing else l_0_title)))
    yield '</w:t></w:r></w:p>'
    if (undefined(name='subtitle') if l_0_subtitle is missing else l_0_subtitle):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="Subtitle"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize((undefined(name='subtitle') if l_0_subtitle is missing else l_0_subtitle)))
        yield '</w:t></w:r></w:p>'
    if (undefined(name='internal') if l_0_internal is missing else l_0_internal):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="CoverNote"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'audience_internal')))
        yield '</w:t></w:r></w:p>'
    if (undefined(name='cover') if l_0_cover is missing else l_0_cover):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="CoverPicture"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='cover') if l_0_cover is missing else l_0_cover), 'image')))
        yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="CoverMetaBelowPicture"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'publisher')))
        yield '</w:t></w:r></w:p>'
    else:
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="CoverMeta"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'publisher')))
        yield '</w:t></w:r></w:p>'
    yield '\n<w:p><w:pPr><w:pStyle w:val="CoverDate"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize((undefined(name='date') if l_0_date is missing else l_0_date)))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="ColophonHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'colophon')))
    yield '</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'publisher_line'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="Colophon"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'publisher_line')))
        yield '</w:t></w:r></w:p>'
    elif environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'publisher'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="Colophon"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'published_by')))
        yield ' </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'publisher')))
        yield '</w:t></w:r></w:p>'
    for l_1_line in environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'address'):
        _loop_vars = {}
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="ColophonAddress"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(l_1_line))
        yield '</w:t></w:r></w:p>'
    l_1_line = missing
    if environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'text_by'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="ColophonClosing"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'text_by')))
        yield ': '
        yield escape(environment.finalize(t_1(context.eval_ctx, environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'text_by'), ', ')))
        yield '</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'editors'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="Colophon"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'editors')))
        yield ': '
        yield escape(environment.finalize(t_1(context.eval_ctx, environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'editors'), ', ')))
        yield '</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'contributors'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="Colophon"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'contributors')))
        yield ':</w:t></w:r></w:p>'
        for l_1_contributor in environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'contributors'):
            _loop_vars = {}
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="ColophonBullet"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(l_1_contributor))
            yield '</w:t></w:r></w:p>'
        l_1_contributor = missing
    if environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'inspirators'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="ColophonClosing"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize((environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'thanks') or environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'inspirators'))))
        yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Colophon"/></w:pPr><w:r><w:t xml:space="preserve">'
        l_1_loop = missing
        for l_1_guest, l_1_loop in LoopContext(environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'inspirators'), undefined):
            _loop_vars = {}
            pass
            yield escape(environment.finalize(environment.getattr(l_1_guest, 'name')))
            if environment.getattr(l_1_guest, 'description'):
                pass
                yield ' ('
                yield escape(environment.finalize(environment.getattr(l_1_guest, 'description')))
                yield ')'
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield ', '
        l_1_loop = l_1_guest = missing
        yield '</w:t></w:r></w:p>'
    if (environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'place') or environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'date')):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="ColophonClosing"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'place')))
        if (environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'place') and environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'date')):
            pass
            yield ', '
        yield escape(environment.finalize(environment.getattr((undefined(name='colophon') if l_0_colophon is missing else l_0_colophon), 'date')))
        yield '</w:t></w:r></w:p>'
    yield '\n<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'contents')))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve">…</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="SectionBreak"/><w:sectPr><w:type w:val="oddPage"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="2765" w:bottom="1418" w:left="2098" w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr></w:pPr></w:p>'
    if (undefined(name='intro') if l_0_intro is missing else l_0_intro):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'intro')))
        yield '</w:t></w:r></w:p>'
        for l_1_block in (undefined(name='intro') if l_0_intro is missing else l_0_intro):
            _loop_vars = {}
            pass
            if (environment.getattr(l_1_block, 'kind') == 'bullets'):
                pass
                for l_2_item in environment.getitem(l_1_block, 'items'):
                    _loop_vars = {}
                    pass
                    yield '\n<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t xml:space="preserve"></w:t></w:r>'
                    yield escape(environment.finalize(t_2(l_2_item)))
                    yield '<w:r><w:t xml:space="preserve"></w:t></w:r></w:p>'
                l_2_item = missing
            else:
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve"></w:t></w:r>'
                yield escape(environment.finalize(t_2(environment.getattr(l_1_block, 'runs'))))
                yield '<w:r><w:t xml:space="preserve"></w:t></w:r></w:p>'
        l_1_block = missing
    l_1_loop = missing
    for l_1_part, l_1_loop in LoopContext((undefined(name='parts') if l_0_parts is missing else l_0_parts), undefined):
        l_1_continuity = resolve('continuity')
        l_1_questions = resolve('questions')
        l_1_building_lessons = resolve('building_lessons')
        l_1_plugin_findings = resolve('plugin_findings')
        l_1_building_lesson_groups = resolve('building_lesson_groups')
        _loop_vars = {}
        pass
        if (environment.getattr(l_1_part, 'chapters') or (environment.getattr(l_1_part, 'number') == 1)):
            pass
            if ((undefined(name='intro') if l_0_intro is missing else l_0_intro) or (environment.getattr(l_1_part, 'number') != 1)):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="SectionBreak"/><w:sectPr><w:footerReference w:type="default" r:id="rId1"/><w:footerReference w:type="even" r:id="rId4"/><w:type w:val="oddPage"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="2765" w:bottom="1418" w:left="2098" w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr></w:pPr></w:p>'
            yield '\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_part, 'numeral')))
            yield '</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_part, 'title')))
            yield '</w:t></w:r></w:p>'
            for l_2_block in environment.getattr(l_1_part, 'intro'):
                _loop_vars = {}
                pass
                if (environment.getattr(l_2_block, 'kind') == 'bullets'):
                    pass
                    for l_3_item in environment.getitem(l_2_block, 'items'):
                        _loop_vars = {}
                        pass
                        yield '\n<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t xml:space="preserve"></w:t></w:r>'
                        yield escape(environment.finalize(t_2(l_3_item)))
                        yield '<w:r><w:t xml:space="preserve"></w:t></w:r></w:p>'
                    l_3_item = missing
                else:
                    pass
                    yield '\n<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve"></w:t></w:r>'
                    yield escape(environment.finalize(t_2(environment.getattr(l_2_block, 'runs'))))
                    yield '<w:r><w:t xml:space="preserve"></w:t></w:r></w:p>'
            l_2_block = missing
            for l_2_chapter in environment.getattr(l_1_part, 'chapters'):
                _loop_vars = {}
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="PartContents"/></w:pPr><w:r><w:t xml:space="preserve">'
                yield escape(environment.finalize(environment.getattr(l_2_chapter, 'number')))
                yield '</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">'
                yield escape(environment.finalize(environment.getattr(l_2_chapter, 'title')))
                yield '</w:t></w:r></w:p>'
            l_2_chapter = missing
            if ((environment.getattr(l_1_part, 'number') == 1) and environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'number')):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="PartContents"/></w:pPr><w:r><w:t xml:space="preserve">'
                yield escape(environment.finalize(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'number')))
                yield '</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">'
                yield escape(environment.finalize(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'title')))
                yield '</w:t></w:r></w:p>'
            if (environment.getattr(l_1_part, 'number') == 2):
                pass
                if (undefined(name='questions') if l_1_questions is missing else l_1_questions):
                    pass
                    yield '\n<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t xml:space="preserve">'
                    yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'questions')))
                    yield '</w:t></w:r></w:p>'
                    for l_2_question in (undefined(name='questions') if l_1_questions is missing else l_1_questions):
                        _loop_vars = {}
                        pass
                        yield '\n<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t xml:space="preserve">'
                        yield escape(environment.finalize(l_2_question))
                        yield '</w:t></w:r></w:p>'
                    l_2_question = missing
            l_2_loop = missing
            for l_2_chapter, l_2_loop in LoopContext(environment.getattr(l_1_part, 'chapters'), undefined):
                _loop_vars = {}
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">'
                yield escape(environment.finalize(environment.getattr(l_2_chapter, 'number')))
                yield '</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">'
                yield escape(environment.finalize(environment.getattr(l_2_chapter, 'title')))
                yield '</w:t></w:r></w:p>'
                l_3_loop = missing
                for l_3_piece, l_3_loop in LoopContext(environment.getattr(l_2_chapter, 'content'), undefined):
                    _loop_vars = {}
                    pass
                    if (environment.getattr(l_3_piece, 'kind') == 'passage'):
                        pass
                        for l_4_block in environment.getattr(l_3_piece, 'text'):
                            _loop_vars = {}
                            pass
                            if (environment.getattr(l_4_block, 'kind') == 'bullets'):
                                pass
                                for l_5_item in environment.getitem(l_4_block, 'items'):
                                    _loop_vars = {}
                                    pass
                                    yield '\n<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t xml:space="preserve"></w:t></w:r>'
                                    yield escape(environment.finalize(t_2(l_5_item)))
                                    yield '<w:r><w:t xml:space="preserve"></w:t></w:r></w:p>'
                                l_5_item = missing
                            else:
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve"></w:t></w:r>'
                                yield escape(environment.finalize(t_2(environment.getattr(l_4_block, 'runs'))))
                                yield '<w:r><w:t xml:space="preserve"></w:t></w:r></w:p>'
                        l_4_block = missing
                    elif (environment.getattr(l_3_piece, 'kind') == 'quote'):
                        pass
                        yield '\n<w:p><w:pPr><w:pStyle w:val="Quote"/></w:pPr><w:r><w:t xml:space="preserve">“'
                        yield escape(environment.finalize(environment.getattr(environment.getattr(l_3_piece, 'quote'), 'text')))
                        yield '”</w:t></w:r></w:p>'
                        if environment.getattr(environment.getattr(l_3_piece, 'quote'), 'attribution'):
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="QuoteAttribution"/></w:pPr><w:r><w:t xml:space="preserve">— '
                            yield escape(environment.finalize(environment.getattr(environment.getattr(l_3_piece, 'quote'), 'attribution')))
                            yield '</w:t></w:r></w:p>'
                    elif (environment.getattr(l_3_piece, 'kind') == 'box'):
                        pass
                        if environment.getattr(l_3_piece, 'title'):
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(l_3_piece, 'title')))
                            yield '</w:t></w:r></w:p>'
                        for l_4_block in environment.getattr(l_3_piece, 'text'):
                            _loop_vars = {}
                            pass
                            if (environment.getattr(l_4_block, 'kind') == 'bullets'):
                                pass
                                for l_5_item in environment.getitem(l_4_block, 'items'):
                                    _loop_vars = {}
                                    pass
                                    yield '\n<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t xml:space="preserve"></w:t></w:r>'
                                    yield escape(environment.finalize(t_2(l_5_item)))
                                    yield '<w:r><w:t xml:space="preserve"></w:t></w:r></w:p>'
                                l_5_item = missing
                            else:
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve"></w:t></w:r>'
                                yield escape(environment.finalize(t_2(environment.getattr(l_4_block, 'runs'))))
                                yield '<w:r><w:t xml:space="preserve"></w:t></w:r></w:p>'
                        l_4_block = missing
                        for l_4_lesson in environment.getattr(l_3_piece, 'lessons'):
                            _loop_vars = {}
                            pass
                            if environment.getattr(l_4_lesson, 'title'):
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_4_lesson, 'title')))
                                if (environment.getattr(l_4_lesson, 'title')[-1:] not in '.:?!'):
                                    pass
                                    yield '.'
                                yield '</w:t></w:r><w:r><w:t xml:space="preserve"> '
                                yield escape(environment.finalize(environment.getattr(l_4_lesson, 'text')))
                                yield '</w:t></w:r></w:p>'
                            else:
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_4_lesson, 'text')))
                                yield '</w:t></w:r></w:p>'
                        l_4_lesson = missing
                        for l_4_lesson in environment.getattr(l_3_piece, 'tips'):
                            _loop_vars = {}
                            pass
                            if environment.getattr(l_4_lesson, 'title'):
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_4_lesson, 'title')))
                                if (environment.getattr(l_4_lesson, 'title')[-1:] not in '.:?!'):
                                    pass
                                    yield '.'
                                yield '</w:t></w:r><w:r><w:t xml:space="preserve"> '
                                yield escape(environment.finalize(environment.getattr(l_4_lesson, 'text')))
                                yield '</w:t></w:r></w:p>'
                            else:
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_4_lesson, 'text')))
                                yield '</w:t></w:r></w:p>'
                        l_4_lesson = missing
                    elif (environment.getattr(l_3_piece, 'kind') == 'table'):
                        pass
                        if environment.getattr(environment.getattr(l_3_piece, 'table'), 'title'):
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="TableTitle"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(environment.getattr(l_3_piece, 'table'), 'title')))
                            yield '</w:t></w:r></w:p>'
                        yield '<w:tbl><w:tblPr><w:tblStyle w:val="BookletTable"/><w:tblW w:w="7042" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="'
                        if (environment.getattr(environment.getattr(l_3_piece, 'table'), 'kind') == 'dilemma'):
                            pass
                            yield '0480'
                        else:
                            pass
                            yield '04A0'
                        yield '" w:firstRow="'
                        if (environment.getattr(environment.getattr(l_3_piece, 'table'), 'kind') == 'dilemma'):
                            pass
                            yield '0'
                        else:
                            pass
                            yield '1'
                        yield '" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="3271"/><w:gridCol w:w="500"/><w:gridCol w:w="3271"/></w:tblGrid>'
                        if (environment.getattr(environment.getattr(l_3_piece, 'table'), 'kind') != 'dilemma'):
                            pass
                            yield '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="3271" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(environment.getattr(l_3_piece, 'table'), 'left_label')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="500" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve"/></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="3271" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(environment.getattr(l_3_piece, 'table'), 'right_label')))
                            yield '</w:t></w:r></w:p></w:tc></w:tr>'
                        for l_4_pair in environment.getattr(environment.getattr(l_3_piece, 'table'), 'rows'):
                            _loop_vars = {}
                            pass
                            yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="3271" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getitem(l_4_pair, 0)))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="500" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableArrow"/></w:pPr><w:r><w:t xml:space="preserve">'
                            if (environment.getattr(environment.getattr(l_3_piece, 'table'), 'kind') == 'movement'):
                                pass
                                yield '→'
                            elif (environment.getattr(environment.getattr(l_3_piece, 'table'), 'kind') == 'dilemma'):
                                pass
                                yield '–'
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="3271" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getitem(l_4_pair, 1)))
                            yield '</w:t></w:r></w:p></w:tc></w:tr>'
                        l_4_pair = missing
                        yield '</w:tbl>\n<w:p><w:pPr><w:pStyle w:val="TableEnd"/></w:pPr></w:p>'
                    elif (environment.getattr(l_3_piece, 'kind') == 'key_questions'):
                        pass
                        if environment.getattr(l_3_piece, 'questions'):
                            pass
                            if environment.getattr(l_3_piece, 'title'):
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_3_piece, 'title')))
                                yield '</w:t></w:r></w:p>'
                            for l_4_question in environment.getattr(l_3_piece, 'questions'):
                                _loop_vars = {}
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(l_4_question))
                                yield '</w:t></w:r></w:p>'
                            l_4_question = missing
                    elif (environment.getattr(l_3_piece, 'kind') == 'figure'):
                        pass
                        if environment.getattr(l_3_piece, 'chart'):
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(environment.getattr(l_3_piece, 'chart'), 'image')))
                            yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(l_3_piece, 'caption')))
                            yield '</w:t></w:r></w:p>'
                    elif (environment.getattr(l_3_piece, 'kind') == 'picture'):
                        pass
                        yield '\n<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:t xml:space="preserve">'
                        yield escape(environment.finalize(environment.getattr(environment.getattr(l_3_piece, 'picture'), 'image')))
                        yield '</w:t></w:r></w:p>'
                        if environment.getattr(l_3_piece, 'caption'):
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(l_3_piece, 'caption')))
                            yield '</w:t></w:r></w:p>'
                    elif (environment.getattr(l_3_piece, 'kind') == 'readings'):
                        pass
                        yield '\n<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t xml:space="preserve">'
                        yield escape(environment.finalize(environment.getattr(l_3_piece, 'title')))
                        yield '</w:t></w:r></w:p>'
                        for l_4_reading in environment.getattr(l_3_piece, 'readings'):
                            _loop_vars = {}
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="Reading"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(t_1(context.eval_ctx, environment.getattr(l_4_reading, 'authors'), ', ')))
                            if environment.getattr(l_4_reading, 'authors'):
                                pass
                                if environment.getattr(l_4_reading, 'year'):
                                    pass
                                    yield ' ('
                                    yield escape(environment.finalize(environment.getattr(l_4_reading, 'year')))
                                    yield ')'
                                yield '. '
                            yield '</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Emphasis"/></w:rPr><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(l_4_reading, 'title')))
                            yield '</w:t></w:r><w:r><w:t xml:space="preserve">'
                            if ((not environment.getattr(l_4_reading, 'authors')) and environment.getattr(l_4_reading, 'year')):
                                pass
                                yield ' ('
                                yield escape(environment.finalize(environment.getattr(l_4_reading, 'year')))
                                yield ')'
                            if environment.getattr(l_4_reading, 'verdict'):
                                pass
                                yield ' — '
                                yield escape(environment.finalize(environment.getattr(l_4_reading, 'verdict')))
                            yield '</w:t></w:r></w:p>'
                            if ((environment.getattr(l_4_reading, 'note') or environment.getattr(l_4_reading, 'presented_by')) or environment.getattr(l_4_reading, 'session')):
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="ReadingNote"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_4_reading, 'note')))
                                if (environment.getattr(l_4_reading, 'note') and (environment.getattr(l_4_reading, 'presented_by') or environment.getattr(l_4_reading, 'session'))):
                                    pass
                                    yield ' '
                                if environment.getattr(l_4_reading, 'presented_by'):
                                    pass
                                    yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'presented_by')))
                                    yield ': '
                                    yield escape(environment.finalize(t_1(context.eval_ctx, environment.getattr(l_4_reading, 'presented_by'), ', ')))
                                if (environment.getattr(l_4_reading, 'presented_by') and environment.getattr(l_4_reading, 'session')):
                                    pass
                                    yield '; '
                                yield escape(environment.finalize(environment.getattr(l_4_reading, 'session')))
                                yield '</w:t></w:r></w:p>'
                        l_4_reading = missing
                    elif (environment.getattr(l_3_piece, 'kind') == 'continuity'):
                        pass
                        if environment.getattr(l_3_piece, 'title'):
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(l_3_piece, 'title')))
                            yield '</w:t></w:r></w:p>'
                        yield '\n<w:p><w:r><w:t xml:space="preserve">'
                        yield escape(environment.finalize(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'intro')))
                        yield '</w:t></w:r></w:p>'
                        for l_4_sentence in environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'summary'):
                            _loop_vars = {}
                            pass
                            yield '\n<w:p><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(l_4_sentence))
                            yield '</w:t></w:r></w:p>'
                        l_4_sentence = missing
                        if environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'measured'):
                            pass
                            yield '<w:tbl><w:tblPr><w:tblStyle w:val="BookletTable"/><w:tblW w:w="7043" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="5243"/><w:gridCol w:w="1800"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="5243" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'key_figures')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve"/></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="5243" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'pigeon_loft_index')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'pigeon_loft_index')))
                            yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="5243" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'core_share')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'core_share')))
                            yield '</w:t></w:r></w:p></w:tc></w:tr>'
                            if (not t_3(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'asymmetry'))):
                                pass
                                yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="5243" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'asymmetry')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'asymmetry')))
                                yield '</w:t></w:r></w:p></w:tc></w:tr>'
                            for (l_4_group, l_4_share) in environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'exposure_by_group'):
                                _loop_vars = {}
                                pass
                                yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="5243" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'exposure')))
                                yield ': '
                                yield escape(environment.finalize(l_4_group))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(l_4_share))
                                yield '</w:t></w:r></w:p></w:tc></w:tr>'
                            l_4_group = l_4_share = missing
                            yield '</w:tbl>'
                            if environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'flags'):
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'flags')))
                                yield '</w:t></w:r></w:p>'
                                for l_4_flag in environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'flags'):
                                    _loop_vars = {}
                                    pass
                                    yield '\n<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t xml:space="preserve">'
                                    yield escape(environment.finalize(l_4_flag))
                                    yield '</w:t></w:r></w:p>'
                                l_4_flag = missing
                            l_4_loop = missing
                            for l_4_chart, l_4_loop in LoopContext(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'charts'), undefined):
                                _loop_vars = {}
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_4_chart, 'image')))
                                yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'figure')))
                                yield ' '
                                yield escape(environment.finalize(environment.getattr(l_4_loop, 'index')))
                                yield '. '
                                yield escape(environment.finalize(environment.getattr(l_4_chart, 'title')))
                                yield '</w:t></w:r></w:p>'
                            l_4_loop = l_4_chart = missing
                            yield '\n<w:p><w:pPr><w:pStyle w:val="TableTitle"/></w:pPr></w:p><w:tbl><w:tblPr><w:tblStyle w:val="BookletTable"/><w:tblW w:w="7043" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="4043"/><w:gridCol w:w="1500"/><w:gridCol w:w="1500"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="4043" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'tier')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'members')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'tier_share')))
                            yield '</w:t></w:r></w:p></w:tc></w:tr>'
                            for l_4_tier in environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'tiers'):
                                _loop_vars = {}
                                pass
                                yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="4043" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_4_tier, 'label')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_4_tier, 'count')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_4_tier, 'share')))
                                yield '</w:t></w:r></w:p></w:tc></w:tr>'
                            l_4_tier = missing
                            yield '</w:tbl>'
                            if environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'sessions'):
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="TableTitle"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'sessions')))
                                yield '</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblStyle w:val="BookletTable"/><w:tblW w:w="7043" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="500"/><w:gridCol w:w="143"/><w:gridCol w:w="1200"/><w:gridCol w:w="1200"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="500" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">#</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="143" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'date')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'size')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'newcomers')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'from_previous')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'levels')))
                                yield '</w:t></w:r></w:p></w:tc></w:tr>'
                                for l_4_session in environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'sessions'):
                                    _loop_vars = {}
                                    pass
                                    yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="500" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                    yield escape(environment.finalize(environment.getattr(l_4_session, 'number')))
                                    yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="143" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                                    yield escape(environment.finalize(environment.getattr(l_4_session, 'dates')))
                                    yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                    yield escape(environment.finalize(environment.getattr(l_4_session, 'size')))
                                    yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                    yield escape(environment.finalize(environment.getattr(l_4_session, 'newcomers')))
                                    yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                    yield escape(environment.finalize(environment.getattr(l_4_session, 'from_previous')))
                                    yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                    yield escape(environment.finalize(environment.getattr(l_4_session, 'levels')))
                                    yield '</w:t></w:r></w:p></w:tc></w:tr>'
                                l_4_session = missing
                                yield '</w:tbl>'
                            if environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'organisations'):
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="TableTitle"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'organisations')))
                                yield '</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblStyle w:val="BookletTable"/><w:tblW w:w="7043" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="743"/><w:gridCol w:w="1100"/><w:gridCol w:w="1800"/><w:gridCol w:w="1600"/><w:gridCol w:w="1800"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="743" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'organisation')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1100" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'coverage')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'delegates')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1600" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'delegate_changed')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'attendances')))
                                yield '</w:t></w:r></w:p></w:tc></w:tr>'
                                for l_4_organisation in environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'organisations'):
                                    _loop_vars = {}
                                    pass
                                    yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="743" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                                    yield escape(environment.finalize(environment.getattr(l_4_organisation, 'name')))
                                    yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1100" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                    yield escape(environment.finalize(environment.getattr(l_4_organisation, 'coverage')))
                                    yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                    yield escape(environment.finalize(environment.getattr(l_4_organisation, 'delegates')))
                                    yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1600" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                    yield escape(environment.finalize(environment.getattr(l_4_organisation, 'delegate_changed')))
                                    yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                    yield escape(environment.finalize(environment.getattr(l_4_organisation, 'attendances')))
                                    yield '</w:t></w:r></w:p></w:tc></w:tr>'
                                l_4_organisation = missing
                                yield '</w:tbl>'
                            if environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'buddies'):
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'buddies')))
                                yield '</w:t></w:r></w:p>'
                                for (l_4_newcomer, l_4_buddy) in environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'buddies'):
                                    _loop_vars = {}
                                    pass
                                    yield '\n<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t xml:space="preserve">'
                                    yield escape(environment.finalize(l_4_newcomer))
                                    yield ' → '
                                    yield escape(environment.finalize(l_4_buddy))
                                    yield '</w:t></w:r></w:p>'
                                l_4_newcomer = l_4_buddy = missing
                l_3_loop = l_3_piece = missing
            l_2_loop = l_2_chapter = missing
            if (environment.getattr(l_1_part, 'number') == 1):
                pass
                if environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'number'):
                    pass
                    yield '\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">'
                    yield escape(environment.finalize(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'number')))
                    yield '</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">'
                    yield escape(environment.finalize(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'title')))
                    yield '</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
                    yield escape(environment.finalize(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'intro')))
                    yield '</w:t></w:r></w:p>'
                    for l_2_sentence in environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'summary'):
                        _loop_vars = {}
                        pass
                        yield '\n<w:p><w:r><w:t xml:space="preserve">'
                        yield escape(environment.finalize(l_2_sentence))
                        yield '</w:t></w:r></w:p>'
                    l_2_sentence = missing
                    if environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'measured'):
                        pass
                        yield '<w:tbl><w:tblPr><w:tblStyle w:val="BookletTable"/><w:tblW w:w="7043" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="5243"/><w:gridCol w:w="1800"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="5243" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
                        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'key_figures')))
                        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve"/></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="5243" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'pigeon_loft_index')))
                        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                        yield escape(environment.finalize(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'pigeon_loft_index')))
                        yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="5243" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'core_share')))
                        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                        yield escape(environment.finalize(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'core_share')))
                        yield '</w:t></w:r></w:p></w:tc></w:tr>'
                        if (not t_3(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'asymmetry'))):
                            pass
                            yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="5243" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'asymmetry')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'asymmetry')))
                            yield '</w:t></w:r></w:p></w:tc></w:tr>'
                        for (l_2_group, l_2_share) in environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'exposure_by_group'):
                            _loop_vars = {}
                            pass
                            yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="5243" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'exposure')))
                            yield ': '
                            yield escape(environment.finalize(l_2_group))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(l_2_share))
                            yield '</w:t></w:r></w:p></w:tc></w:tr>'
                        l_2_group = l_2_share = missing
                        yield '</w:tbl>'
                        if environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'flags'):
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'flags')))
                            yield '</w:t></w:r></w:p>'
                            for l_2_flag in environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'flags'):
                                _loop_vars = {}
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(l_2_flag))
                                yield '</w:t></w:r></w:p>'
                            l_2_flag = missing
                        l_2_loop = missing
                        for l_2_chart, l_2_loop in LoopContext(environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'charts'), undefined):
                            _loop_vars = {}
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(l_2_chart, 'image')))
                            yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'figure')))
                            yield ' '
                            yield escape(environment.finalize(environment.getattr(l_2_loop, 'index')))
                            yield '. '
                            yield escape(environment.finalize(environment.getattr(l_2_chart, 'title')))
                            yield '</w:t></w:r></w:p>'
                        l_2_loop = l_2_chart = missing
                        yield '\n<w:p><w:pPr><w:pStyle w:val="TableTitle"/></w:pPr></w:p><w:tbl><w:tblPr><w:tblStyle w:val="BookletTable"/><w:tblW w:w="7043" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="4043"/><w:gridCol w:w="1500"/><w:gridCol w:w="1500"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="4043" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
                        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'tier')))
                        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'members')))
                        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'tier_share')))
                        yield '</w:t></w:r></w:p></w:tc></w:tr>'
                        for l_2_tier in environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'tiers'):
                            _loop_vars = {}
                            pass
                            yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="4043" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(l_2_tier, 'label')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(l_2_tier, 'count')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(l_2_tier, 'share')))
                            yield '</w:t></w:r></w:p></w:tc></w:tr>'
                        l_2_tier = missing
                        yield '</w:tbl>'
                        if environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'sessions'):
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="TableTitle"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'sessions')))
                            yield '</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblStyle w:val="BookletTable"/><w:tblW w:w="7043" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="500"/><w:gridCol w:w="143"/><w:gridCol w:w="1200"/><w:gridCol w:w="1200"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="500" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">#</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="143" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'date')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'size')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'newcomers')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'from_previous')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'levels')))
                            yield '</w:t></w:r></w:p></w:tc></w:tr>'
                            for l_2_session in environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'sessions'):
                                _loop_vars = {}
                                pass
                                yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="500" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_2_session, 'number')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="143" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_2_session, 'dates')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_2_session, 'size')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_2_session, 'newcomers')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_2_session, 'from_previous')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_2_session, 'levels')))
                                yield '</w:t></w:r></w:p></w:tc></w:tr>'
                            l_2_session = missing
                            yield '</w:tbl>'
                        if environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'organisations'):
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="TableTitle"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'organisations')))
                            yield '</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblStyle w:val="BookletTable"/><w:tblW w:w="7043" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="743"/><w:gridCol w:w="1100"/><w:gridCol w:w="1800"/><w:gridCol w:w="1600"/><w:gridCol w:w="1800"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="743" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'organisation')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1100" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'coverage')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'delegates')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1600" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'delegate_changed')))
                            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'attendances')))
                            yield '</w:t></w:r></w:p></w:tc></w:tr>'
                            for l_2_organisation in environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'organisations'):
                                _loop_vars = {}
                                pass
                                yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="743" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_2_organisation, 'name')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1100" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_2_organisation, 'coverage')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_2_organisation, 'delegates')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1600" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_2_organisation, 'delegate_changed')))
                                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_2_organisation, 'attendances')))
                                yield '</w:t></w:r></w:p></w:tc></w:tr>'
                            l_2_organisation = missing
                            yield '</w:tbl>'
                        if environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'buddies'):
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'buddies')))
                            yield '</w:t></w:r></w:p>'
                            for (l_2_newcomer, l_2_buddy) in environment.getattr((undefined(name='continuity') if l_1_continuity is missing else l_1_continuity), 'buddies'):
                                _loop_vars = {}
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(l_2_newcomer))
                                yield ' → '
                                yield escape(environment.finalize(l_2_buddy))
                                yield '</w:t></w:r></w:p>'
                            l_2_newcomer = l_2_buddy = missing
                if ((undefined(name='building_lessons') if l_1_building_lessons is missing else l_1_building_lessons) or (undefined(name='plugin_findings') if l_1_plugin_findings is missing else l_1_plugin_findings)):
                    pass
                    yield '\n<w:p><w:pPr><w:pStyle w:val="SectionBreak"/><w:sectPr><w:footerReference w:type="default" r:id="rId1"/><w:footerReference w:type="even" r:id="rId4"/><w:type w:val="oddPage"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="2765" w:bottom="1418" w:left="2098" w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
                    yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'annex')))
                    yield ': '
                    yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'building_lessons')))
                    yield '</w:t></w:r></w:p>'
                    for l_2_group in (undefined(name='building_lesson_groups') if l_1_building_lesson_groups is missing else l_1_building_lesson_groups):
                        _loop_vars = {}
                        pass
                        if environment.getattr(l_2_group, 'title'):
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(l_2_group, 'title')))
                            yield '</w:t></w:r></w:p>'
                        for l_3_lesson in environment.getattr(l_2_group, 'lessons'):
                            _loop_vars = {}
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="AnnexItemTitle"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(l_3_lesson, 'number')))
                            yield '</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(l_3_lesson, 'title')))
                            yield '</w:t></w:r></w:p>'
                            if environment.getattr(l_3_lesson, 'explanation'):
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="AnnexItemText"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_3_lesson, 'explanation')))
                                yield '</w:t></w:r></w:p>'
                            if (environment.getattr(l_3_lesson, 'status') == 'ok'):
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="AnnexItemStatus"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'status')))
                                yield ': </w:t></w:r><w:r><w:rPr><w:rStyle w:val="StatusOk"/></w:rPr><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_3_lesson, 'status_label')))
                                yield '</w:t></w:r><w:r><w:t xml:space="preserve">'
                                if environment.getattr(l_3_lesson, 'evidence'):
                                    pass
                                    yield ' — '
                                    yield escape(environment.finalize(environment.getattr(l_3_lesson, 'evidence')))
                                yield '</w:t></w:r></w:p>'
                            elif (environment.getattr(l_3_lesson, 'status') == 'warn'):
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="AnnexItemStatus"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'status')))
                                yield ': </w:t></w:r><w:r><w:rPr><w:rStyle w:val="StatusWarn"/></w:rPr><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_3_lesson, 'status_label')))
                                yield '</w:t></w:r><w:r><w:t xml:space="preserve">'
                                if environment.getattr(l_3_lesson, 'evidence'):
                                    pass
                                    yield ' — '
                                    yield escape(environment.finalize(environment.getattr(l_3_lesson, 'evidence')))
                                yield '</w:t></w:r></w:p>'
                            elif environment.getattr(l_3_lesson, 'status'):
                                pass
                                yield '\n<w:p><w:pPr><w:pStyle w:val="AnnexItemStatus"/></w:pPr><w:r><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'status')))
                                yield ': </w:t></w:r><w:r><w:rPr><w:rStyle w:val="StatusUnknown"/></w:rPr><w:t xml:space="preserve">'
                                yield escape(environment.finalize(environment.getattr(l_3_lesson, 'status_label')))
                                yield '</w:t></w:r><w:r><w:t xml:space="preserve">'
                                if environment.getattr(l_3_lesson, 'evidence'):
                                    pass
                                    yield ' — '
                                    yield escape(environment.finalize(environment.getattr(l_3_lesson, 'evidence')))
                                yield '</w:t></w:r></w:p>'
                        l_3_lesson = missing
                    l_2_group = missing
                    for l_2_finding in (undefined(name='plugin_findings') if l_1_plugin_findings is missing else l_1_plugin_findings):
                        _loop_vars = {}
                        pass
                        yield '\n<w:p><w:pPr><w:pStyle w:val="AnnexItemTitle"/></w:pPr><w:r><w:t xml:space="preserve">–</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">'
                        yield escape(environment.finalize(environment.getattr(l_2_finding, 'title')))
                        yield '</w:t></w:r></w:p>'
                        if (environment.getattr(l_2_finding, 'status') == 'ok'):
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="AnnexItemStatus"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'status')))
                            yield ': </w:t></w:r><w:r><w:rPr><w:rStyle w:val="StatusOk"/></w:rPr><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(l_2_finding, 'status_label')))
                            yield '</w:t></w:r><w:r><w:t xml:space="preserve">'
                            if environment.getattr(l_2_finding, 'evidence'):
                                pass
                                yield ' — '
                                yield escape(environment.finalize(environment.getattr(l_2_finding, 'evidence')))
                            yield '</w:t></w:r></w:p>'
                        elif (environment.getattr(l_2_finding, 'status') == 'warn'):
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="AnnexItemStatus"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'status')))
                            yield ': </w:t></w:r><w:r><w:rPr><w:rStyle w:val="StatusWarn"/></w:rPr><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(l_2_finding, 'status_label')))
                            yield '</w:t></w:r><w:r><w:t xml:space="preserve">'
                            if environment.getattr(l_2_finding, 'evidence'):
                                pass
                                yield ' — '
                                yield escape(environment.finalize(environment.getattr(l_2_finding, 'evidence')))
                            yield '</w:t></w:r></w:p>'
                        elif environment.getattr(l_2_finding, 'status'):
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="AnnexItemStatus"/></w:pPr><w:r><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'status')))
                            yield ': </w:t></w:r><w:r><w:rPr><w:rStyle w:val="StatusUnknown"/></w:rPr><w:t xml:space="preserve">'
                            yield escape(environment.finalize(environment.getattr(l_2_finding, 'status_label')))
                            yield '</w:t></w:r><w:r><w:t xml:space="preserve">'
                            if environment.getattr(l_2_finding, 'evidence'):
                                pass
                                yield ' — '
                                yield escape(environment.finalize(environment.getattr(l_2_finding, 'evidence')))
                            yield '</w:t></w:r></w:p>'
                    l_2_finding = missing
    l_1_loop = l_1_part = l_1_continuity = l_1_questions = l_1_building_lessons = l_1_plugin_findings = l_1_building_lesson_groups = missing
    if ((undefined(name='loose_quotes') if l_0_loose_quotes is missing else l_0_loose_quotes) or (undefined(name='loose_lessons') if l_0_loose_lessons is missing else l_0_loose_lessons)):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="SectionBreak"/><w:sectPr><w:footerReference w:type="default" r:id="rId1"/><w:footerReference w:type="even" r:id="rId4"/><w:type w:val="oddPage"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="2765" w:bottom="1418" w:left="2098" w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'more')))
        yield '</w:t></w:r></w:p>'
        for l_1_quote in (undefined(name='loose_quotes') if l_0_loose_quotes is missing else l_0_loose_quotes):
            _loop_vars = {}
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="Quote"/></w:pPr><w:r><w:t xml:space="preserve">“'
            yield escape(environment.finalize(environment.getattr(l_1_quote, 'text')))
            yield '”</w:t></w:r></w:p>'
            if environment.getattr(l_1_quote, 'attribution'):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="QuoteAttribution"/></w:pPr><w:r><w:t xml:space="preserve">— '
                yield escape(environment.finalize(environment.getattr(l_1_quote, 'attribution')))
                yield '</w:t></w:r></w:p>'
        l_1_quote = missing
        if (undefined(name='loose_lessons') if l_0_loose_lessons is missing else l_0_loose_lessons):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'lessons')))
            yield '</w:t></w:r></w:p>'
            for l_1_lesson in (undefined(name='loose_lessons') if l_0_loose_lessons is missing else l_0_loose_lessons):
                _loop_vars = {}
                pass
                if environment.getattr(l_1_lesson, 'title'):
                    pass
                    yield '\n<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve">'
                    yield escape(environment.finalize(environment.getattr(l_1_lesson, 'title')))
                    if (environment.getattr(l_1_lesson, 'title')[-1:] not in '.:?!'):
                        pass
                        yield '.'
                    yield '</w:t></w:r><w:r><w:t xml:space="preserve"> '
                    yield escape(environment.finalize(environment.getattr(l_1_lesson, 'text')))
                    yield '</w:t></w:r></w:p>'
                else:
                    pass
                    yield '\n<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
                    yield escape(environment.finalize(environment.getattr(l_1_lesson, 'text')))
                    yield '</w:t></w:r></w:p>'
            l_1_lesson = missing
    for l_1_table in (undefined(name='tables') if l_0_tables is missing else l_0_tables):
        _loop_vars = {}
        pass
        if environment.getattr(l_1_table, 'title'):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_table, 'title')))
            yield '</w:t></w:r></w:p>'
        yield '<w:tbl><w:tblPr><w:tblStyle w:val="BookletTable"/><w:tblW w:w="7042" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="'
        if (environment.getattr(l_1_table, 'kind') == 'dilemma'):
            pass
            yield '0480'
        else:
            pass
            yield '04A0'
        yield '" w:firstRow="'
        if (environment.getattr(l_1_table, 'kind') == 'dilemma'):
            pass
            yield '0'
        else:
            pass
            yield '1'
        yield '" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="3271"/><w:gridCol w:w="500"/><w:gridCol w:w="3271"/></w:tblGrid>'
        if (environment.getattr(l_1_table, 'kind') != 'dilemma'):
            pass
            yield '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="3271" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_table, 'left_label')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="500" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve"/></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="3271" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_table, 'right_label')))
            yield '</w:t></w:r></w:p></w:tc></w:tr>'
        for l_2_pair in environment.getattr(l_1_table, 'rows'):
            _loop_vars = {}
            pass
            yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="3271" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getitem(l_2_pair, 0)))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="500" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableArrow"/></w:pPr><w:r><w:t xml:space="preserve">'
            if (environment.getattr(l_1_table, 'kind') == 'movement'):
                pass
                yield '→'
            elif (environment.getattr(l_1_table, 'kind') == 'dilemma'):
                pass
                yield '–'
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="3271" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getitem(l_2_pair, 1)))
            yield '</w:t></w:r></w:p></w:tc></w:tr>'
        l_2_pair = missing
        yield '</w:tbl>\n<w:p><w:pPr><w:pStyle w:val="TableEnd"/></w:pPr></w:p>'
    l_1_table = missing
    if (undefined(name='insights') if l_0_insights is missing else l_0_insights):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="SectionBreak"/><w:sectPr><w:footerReference w:type="default" r:id="rId1"/><w:footerReference w:type="even" r:id="rId4"/><w:type w:val="oddPage"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="2765" w:bottom="1418" w:left="2098" w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'annex')))
        yield ': '
        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'domain_insights')))
        yield '</w:t></w:r></w:p>'
        for l_1_group in (undefined(name='insight_groups') if l_0_insight_groups is missing else l_0_insight_groups):
            _loop_vars = {}
            pass
            if environment.getattr(l_1_group, 'title'):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t xml:space="preserve">'
                yield escape(environment.finalize(environment.getattr(l_1_group, 'title')))
                yield '</w:t></w:r></w:p>'
            for l_2_insight in environment.getattr(l_1_group, 'insights'):
                _loop_vars = {}
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="AnnexItemTitle"/></w:pPr><w:r><w:t xml:space="preserve">'
                yield escape(environment.finalize(environment.getattr(l_2_insight, 'number')))
                yield '</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">'
                yield escape(environment.finalize(environment.getattr(l_2_insight, 'title')))
                yield '</w:t></w:r></w:p>'
                if environment.getattr(l_2_insight, 'text'):
                    pass
                    yield '\n<w:p><w:pPr><w:pStyle w:val="AnnexItemText"/></w:pPr><w:r><w:t xml:space="preserve">'
                    yield escape(environment.finalize(environment.getattr(l_2_insight, 'text')))
                    yield '</w:t></w:r></w:p>'
            l_2_insight = missing
        l_1_group = missing
    if (undefined(name='sessions') if l_0_sessions is missing else l_0_sessions):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="SectionBreak"/><w:sectPr><w:footerReference w:type="default" r:id="rId1"/><w:footerReference w:type="even" r:id="rId4"/><w:type w:val="oddPage"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="2765" w:bottom="1418" w:left="2098" w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'sessions')))
        yield '</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblStyle w:val="BookletTable"/><w:tblW w:w="7043" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="520"/><w:gridCol w:w="1900"/><w:gridCol w:w="2550"/><w:gridCol w:w="1850"/><w:gridCol w:w="223"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="520" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeadingNumber"/></w:pPr><w:r><w:t xml:space="preserve">#</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1900" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'date')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2550" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'session')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1850" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'theme')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="223" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="1B4F72"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'guests')))
        yield '</w:t></w:r></w:p></w:tc></w:tr>'
        l_1_loop = missing
        for l_1_session, l_1_loop in LoopContext((undefined(name='sessions') if l_0_sessions is missing else l_0_sessions), undefined):
            _loop_vars = {}
            pass
            yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="520" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_session, 'number')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1900" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_session, 'dates')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2550" w:type="dxa"/></w:tcPr>'
            if environment.getattr(l_1_session, 'title'):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.finalize(environment.getattr(l_1_session, 'title')))
                yield '</w:t></w:r></w:p>'
            yield '\n<w:p><w:pPr><w:pStyle w:val="TableNote"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_session, 'place')))
            if environment.getattr(l_1_session, 'place_kind'):
                pass
                yield ' ('
                yield escape(environment.finalize(environment.getattr(l_1_session, 'place_kind')))
                yield ')'
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1850" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_session, 'theme')))
            yield '</w:t></w:r></w:p>'
            if environment.getattr(l_1_session, 'work_forms'):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="TableNote"/></w:pPr><w:r><w:t xml:space="preserve">'
                yield escape(environment.finalize(t_1(context.eval_ctx, environment.getattr(l_1_session, 'work_forms'), ', ')))
                yield '</w:t></w:r></w:p>'
            yield '</w:tc><w:tc><w:tcPr><w:tcW w:w="223" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">'
            l_2_loop = missing
            for l_2_guest, l_2_loop in LoopContext(environment.getattr(l_1_session, 'guests'), undefined):
                _loop_vars = {}
                pass
                yield escape(environment.finalize(environment.getattr(l_2_guest, 'name')))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield ', '
            l_2_loop = l_2_guest = missing
            yield '</w:t></w:r></w:p></w:tc></w:tr>'
            if environment.getattr(l_1_session, 'notes'):
                pass
                yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="520" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="6523" w:type="dxa"/><w:gridSpan w:val="4"/></w:tcPr>'
                for l_2_block in environment.getattr(l_1_session, 'notes'):
                    _loop_vars = {}
                    pass
                    if (environment.getattr(l_2_block, 'kind') == 'bullets'):
                        pass
                        for l_3_item in environment.getitem(l_2_block, 'items'):
                            _loop_vars = {}
                            pass
                            yield '\n<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t xml:space="preserve"></w:t></w:r>'
                            yield escape(environment.finalize(t_2(l_3_item)))
                            yield '<w:r><w:t xml:space="preserve"></w:t></w:r></w:p>'
                        l_3_item = missing
                    else:
                        pass
                        yield '\n<w:p><w:pPr><w:pStyle w:val="TableNote"/></w:pPr><w:r><w:t xml:space="preserve"></w:t></w:r>'
                        yield escape(environment.finalize(t_2(environment.getattr(l_2_block, 'runs'))))
                        yield '<w:r><w:t xml:space="preserve"></w:t></w:r></w:p>'
                l_2_block = missing
                yield '</w:tc></w:tr>'
        l_1_loop = l_1_session = missing
        yield '</w:tbl>'
    if (undefined(name='readings') if l_0_readings is missing else l_0_readings):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="SectionBreak"/><w:sectPr><w:footerReference w:type="default" r:id="rId1"/><w:footerReference w:type="even" r:id="rId4"/><w:type w:val="oddPage"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="2765" w:bottom="1418" w:left="2098" w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'readings')))
        yield '</w:t></w:r></w:p>'
        for l_1_reading in (undefined(name='readings') if l_0_readings is missing else l_0_readings):
            _loop_vars = {}
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="Reading"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(t_1(context.eval_ctx, environment.getattr(l_1_reading, 'authors'), ', ')))
            if environment.getattr(l_1_reading, 'authors'):
                pass
                if environment.getattr(l_1_reading, 'year'):
                    pass
                    yield ' ('
                    yield escape(environment.finalize(environment.getattr(l_1_reading, 'year')))
                    yield ')'
                yield '. '
            yield '</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Emphasis"/></w:rPr><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_reading, 'title')))
            yield '</w:t></w:r><w:r><w:t xml:space="preserve">'
            if ((not environment.getattr(l_1_reading, 'authors')) and environment.getattr(l_1_reading, 'year')):
                pass
                yield ' ('
                yield escape(environment.finalize(environment.getattr(l_1_reading, 'year')))
                yield ')'
            if environment.getattr(l_1_reading, 'verdict'):
                pass
                yield ' — '
                yield escape(environment.finalize(environment.getattr(l_1_reading, 'verdict')))
            yield '</w:t></w:r></w:p>'
            if ((environment.getattr(l_1_reading, 'note') or environment.getattr(l_1_reading, 'presented_by')) or environment.getattr(l_1_reading, 'session')):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="ReadingNote"/></w:pPr><w:r><w:t xml:space="preserve">'
                yield escape(environment.finalize(environment.getattr(l_1_reading, 'note')))
                if (environment.getattr(l_1_reading, 'note') and (environment.getattr(l_1_reading, 'presented_by') or environment.getattr(l_1_reading, 'session'))):
                    pass
                    yield ' '
                if environment.getattr(l_1_reading, 'presented_by'):
                    pass
                    yield escape(environment.finalize(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'presented_by')))
                    yield ': '
                    yield escape(environment.finalize(t_1(context.eval_ctx, environment.getattr(l_1_reading, 'presented_by'), ', ')))
                if (environment.getattr(l_1_reading, 'presented_by') and environment.getattr(l_1_reading, 'session')):
                    pass
                    yield '; '
                yield escape(environment.finalize(environment.getattr(l_1_reading, 'session')))
                yield '</w:t></w:r></w:p>'
        l_1_reading = missing
    yield '\n<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p><w:sectPr><w:footerReference w:type="default" r:id="rId1"/><w:footerReference w:type="even" r:id="rId4"/><w:type w:val="oddPage"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="2765" w:bottom="1418" w:left="2098" w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr></w:body>'

blocks = {}
debug_info = '2=47&3=49&4=54&5=59&6=64&7=66&8=71&9=74&10=76&11=81&12=86&13=94&14=100&15=107&16=114&17=120&18=126&19=129&20=146&21=153&23=155&24=158&25=169&26=175&28=193&29=206&30=212&31=219&32=227&33=236&34=242&35=250&36=269&37=275&38=281&39=286&40=293&41=304&42=310&43=319&44=329&45=338&46=348&47=356&48=376&50=378&51=384&52=386&53=393&54=397&55=404&56=410&57=418&58=420&59=425&60=430&61=435&62=441&63=466&64=486&65=489&66=495&67=501&69=503&70=505&71=507&72=509&73=514&74=516&75=522&76=526&77=533&78=539&79=547&80=549&82=557&83=559&84=561&85=567&86=569&87=571&88=578&90=580&91=582&92=584&93=586&94=588&95=594&96=596&97=598&98=600&99=602&100=604&101=611&102=613&103=615&104=617&105=619&106=621&107=627&108=629&109=631&110=633&111=635&112=642&113=648&114=660&115=664&116=670&117=676&119=678&120=680&121=682&122=684&123=689&124=691&125=697&126=701&127=708&128=714&129=722&130=724&132=732&133=734&134=736&135=742&136=744&137=746&138=753&140=755&141=757&142=759&143=761&144=763&145=769&146=771&147=773&148=775&149=777&150=779&151=786&152=788&153=790&154=792&155=794&156=796&157=802&158=804&159=806&160=808&161=810&162=817&163=823&165=831&166=841&167=847&168=854&169=859&170=871&171=883&172=898&173=903&174=915&175=927&177=941&178=947&179=952&180=958&181=966&182=976&183=985&184=1005&186=1007&187=1013&188=1015&189=1022&190=1027&192=1030&193=1040&194=1046&195=1053&197=1060&199=1062&200=1064&201=1066&202=1068&203=1075&204=1077&205=1082&206=1085&207=1092&208=1097&209=1101&210=1113&211=1122&212=1128&214=1137&215=1143&216=1168'
# Generated by `python -m copharvest.formats.docx.template`: do not edit.
