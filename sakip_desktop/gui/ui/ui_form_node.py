# Dibuat otomatis oleh tools/buat_ui.py dari ui/form_node.ui. Jangan diubah dengan tangan.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'form_node.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_FormNode(object):
    def setupUi(self, FormNode):
        if not FormNode.objectName():
            FormNode.setObjectName(u"FormNode")
        FormNode.resize(520, 420)
        self.tata_utama = QVBoxLayout(FormNode)
        self.tata_utama.setObjectName(u"tata_utama")
        self.tata_form = QFormLayout()
        self.tata_form.setObjectName(u"tata_form")
        self.tata_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.label_jenis = QLabel(FormNode)
        self.label_jenis.setObjectName(u"label_jenis")

        self.tata_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_jenis)

        self.jenis = QLabel(FormNode)
        self.jenis.setObjectName(u"jenis")

        self.tata_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.jenis)

        self.label_kode = QLabel(FormNode)
        self.label_kode.setObjectName(u"label_kode")

        self.tata_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_kode)

        self.kode = QLineEdit(FormNode)
        self.kode.setObjectName(u"kode")

        self.tata_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kode)

        self.label_uraian = QLabel(FormNode)
        self.label_uraian.setObjectName(u"label_uraian")

        self.tata_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_uraian)

        self.uraian = QPlainTextEdit(FormNode)
        self.uraian.setObjectName(u"uraian")
        self.uraian.setMaximumSize(QSize(16777215, 70))
        self.uraian.setTabChangesFocus(True)

        self.tata_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.uraian)

        self.label_sasaran = QLabel(FormNode)
        self.label_sasaran.setObjectName(u"label_sasaran")

        self.tata_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_sasaran)

        self.sasaran = QPlainTextEdit(FormNode)
        self.sasaran.setObjectName(u"sasaran")
        self.sasaran.setMaximumSize(QSize(16777215, 60))
        self.sasaran.setTabChangesFocus(True)

        self.tata_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sasaran)

        self.label_pemilik = QLabel(FormNode)
        self.label_pemilik.setObjectName(u"label_pemilik")

        self.tata_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_pemilik)

        self.pemilik = QComboBox(FormNode)
        self.pemilik.setObjectName(u"pemilik")

        self.tata_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.pemilik)

        self.label_keterangan = QLabel(FormNode)
        self.label_keterangan.setObjectName(u"label_keterangan")

        self.tata_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_keterangan)

        self.keterangan = QPlainTextEdit(FormNode)
        self.keterangan.setObjectName(u"keterangan")
        self.keterangan.setMaximumSize(QSize(16777215, 50))
        self.keterangan.setTabChangesFocus(True)

        self.tata_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.keterangan)


        self.tata_utama.addLayout(self.tata_form)

        self.pesan = QLabel(FormNode)
        self.pesan.setObjectName(u"pesan")
        self.pesan.setWordWrap(True)

        self.tata_utama.addWidget(self.pesan)

        self.pengisi = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.tata_utama.addItem(self.pengisi)

#if QT_CONFIG(shortcut)
        self.label_jenis.setBuddy(self.jenis)
        self.label_kode.setBuddy(self.kode)
        self.label_uraian.setBuddy(self.uraian)
        self.label_sasaran.setBuddy(self.sasaran)
        self.label_pemilik.setBuddy(self.pemilik)
        self.label_keterangan.setBuddy(self.keterangan)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FormNode)
    # setupUi

    def retranslateUi(self, FormNode):
        FormNode.setWindowTitle(QCoreApplication.translate("FormNode", u"Node pohon kinerja", None))
        self.label_jenis.setText(QCoreApplication.translate("FormNode", u"Jenis", None))
        self.label_kode.setText(QCoreApplication.translate("FormNode", u"&Kode", None))
        self.kode.setPlaceholderText(QCoreApplication.translate("FormNode", u"mis. 2.07.03.2.01 (Permendagri 90/2019)", None))
        self.label_uraian.setText(QCoreApplication.translate("FormNode", u"&Uraian *", None))
        self.label_sasaran.setText(QCoreApplication.translate("FormNode", u"&Sasaran", None))
        self.sasaran.setPlaceholderText(QCoreApplication.translate("FormNode", u"Sasaran program/kegiatan seperti tercetak di PK", None))
        self.label_pemilik.setText(QCoreApplication.translate("FormNode", u"&Penanggung jawab", None))
        self.label_keterangan.setText(QCoreApplication.translate("FormNode", u"K&eterangan", None))
        self.pesan.setText("")
        self.pesan.setStyleSheet(QCoreApplication.translate("FormNode", u"color: #b3261e;", None))
    # retranslateUi
