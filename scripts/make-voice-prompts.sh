#!/usr/bin/env bash
# Regenerates the packaged voice prompts (src-renderer/public/audio) with espeak-ng
# and sox, offline: the kiosk never uses a network speech service. A city that has
# recorded prompts replaces these files with the same names.
# Needs: apt-get install espeak-ng sox libsox-fmt-all
set -euo pipefail
out="$(dirname "$0")/../src-renderer/public/audio"
mkdir -p "$out"
say() { # name voice text
  local wav
  wav="$(mktemp --suffix=.wav)"
  espeak-ng -v "$2" -s 150 -w "$wav" "$3"
  sox "$wav" -r 22050 -c 1 -C 3 "$out/$1.ogg" norm -3
  rm -f "$wav"
}
say idle.zh-CN cmn "请将身份证放在感应区"
say consent.zh-CN cmn "请阅读提示，确认后点击同意并查询"
say summary.zh-CN cmn "这是您的公共信用信息概要，可以打印信用报告"
say printing.zh-CN cmn "正在打印，请稍候"
say done.zh-CN cmn "请取走您的身份证和报告"
say take-card.zh-CN cmn "本次查询已结束，请取走您的身份证"
say verify-report.zh-CN cmn "请将报告上的二维码对准扫码口，或输入报告编号"
say objection-list.zh-CN cmn "请选择您认为有误的一条信息"
say objection-reason.zh-CN cmn "请选择异议理由"
say objection-phone.zh-CN cmn "请输入联系电话"
say objection-confirm.zh-CN cmn "请核对后提交异议申请"
say objection-receipt.zh-CN cmn "异议申请已提交，请取走回执"
say idle.en en "Please place your ID card on the reader"
say consent.en en "Please read the notice, then tap agree to continue"
say summary.en en "This is your public credit information. You can print a credit report"
say printing.en en "Printing, please wait"
say done.en en "Please take your ID card and your report"
say take-card.en en "This query has ended. Please take your ID card"
say verify-report.en en "Hold the report's QR code to the scanner, or type the report number"
say objection-list.en en "Choose the record you believe is wrong"
say objection-reason.en en "Choose the reason"
say objection-phone.en en "Enter a contact phone number"
say objection-confirm.en en "Check, then submit your objection"
say objection-receipt.en en "Your objection is submitted. Please take the receipt"
say commitment.zh-CN cmn "请选择要签署的信用承诺书，阅读全文"
say commitment-sign.zh-CN cmn "请在框内签名，签好后点击确认签署"
say commitment-done.zh-CN cmn "承诺已签署，请取走承诺书副本"
say commitment.en en "Choose the credit commitment to sign, and read it through"
say commitment-sign.en en "Please sign inside the frame, then tap sign and print"
say commitment-done.en en "The commitment is signed. Please take your copy"
# The face step (src-renderer/face/facePrompts.ts)
say face-start.zh-CN cmn "请正对摄像头，将面部放入框内"
say face-closer.zh-CN cmn "请靠近一些"
say face-light.zh-CN cmn "光线不合适，请面向光源"
say face-alone.zh-CN cmn "请只留本人在摄像头前"
say face-glasses.zh-CN cmn "请摘下眼镜、帽子或口罩，再试一次"
say face-counter.zh-CN cmn "请携带身份证到服务窗口办理"
say face-start.en en "Please look at the camera and place your face inside the frame"
say face-closer.en en "Please come a little closer"
say face-light.en en "The light is not right. Please face the light"
say face-alone.en en "Only the card holder in front of the camera, please"
say face-glasses.en en "Please take off glasses, hat or mask, and try again"
say face-counter.en en "Please take your ID card to a service counter"
